import { addMinor, assertMinor } from '../money';

/**
 * One gateway payment as the facts its webhooks have told us. Razorpay delivers at least once and out
 * of order, so the state is a join-semilattice: every event only adds facts (a flag turns on, an
 * amount grows to the largest seen, a refund id is recorded once), and applying events is merging
 * facts. Merging is commutative, associative and idempotent, so any order and any repetition of the
 * same events ends in the same state, and money is never counted twice. The status is read from the
 * facts: captured beats authorized beats created; failed only shows when nothing was captured.
 */
export type PaymentState = {
  paymentId: string;
  /** Null until an event names it. */
  currency: string | null;
  /** The payment's amount, the largest any payment event has reported. */
  amountMinor: number;
  authorized: boolean;
  capturedMinor: number;
  failed: boolean;
  orderId: string | null;
  paymentLinkId: string | null;
  /** Refund id -> amount, so a repeated refund.processed counts once. */
  refunds: Record<string, number>;
};

type EventBase = { paymentId: string; amountMinor: number; currency: string };
export type PaymentEvent =
  | ({ type: 'payment.authorized' } & EventBase)
  | ({ type: 'payment.captured' } & EventBase)
  | ({ type: 'payment.failed' } & EventBase)
  | ({ type: 'order.paid'; orderId: string } & EventBase)
  | ({ type: 'payment_link.paid'; paymentLinkId: string } & EventBase)
  /** `amountMinor` is the refund's amount, not the payment's. */
  | ({ type: 'refund.processed'; refundId: string } & EventBase);

export const PAYMENT_EVENT_TYPES = [
  'payment.authorized',
  'payment.captured',
  'payment.failed',
  'order.paid',
  'payment_link.paid',
  'refund.processed',
] as const satisfies readonly PaymentEvent['type'][];

export const GATEWAY_PAYMENT_STATUSES = [
  'created',
  'authorized',
  'failed',
  'captured',
  'partially_refunded',
  'refunded',
] as const;
export type GatewayPaymentStatus = (typeof GATEWAY_PAYMENT_STATUSES)[number];

export function newPaymentState(paymentId: string): PaymentState {
  return {
    paymentId,
    currency: null,
    amountMinor: 0,
    authorized: false,
    capturedMinor: 0,
    failed: false,
    orderId: null,
    paymentLinkId: null,
    refunds: {},
  };
}

/** Two different values for one payment should not happen; the smaller wins so merging stays order-free. */
function joinId(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

/** The join of two states of the same payment: every fact either of them holds. */
export function mergePaymentStates(a: PaymentState, b: PaymentState): PaymentState {
  if (a.paymentId !== b.paymentId) throw new Error('Cannot merge the states of two different payments');
  if (a.currency !== null && b.currency !== null && a.currency !== b.currency) {
    throw new Error('A payment cannot change currency');
  }
  const refunds: Record<string, number> = { ...a.refunds };
  for (const [id, amount] of Object.entries(b.refunds)) refunds[id] = Math.max(refunds[id] ?? 0, amount);
  return {
    paymentId: a.paymentId,
    currency: a.currency ?? b.currency,
    amountMinor: Math.max(a.amountMinor, b.amountMinor),
    authorized: a.authorized || b.authorized,
    capturedMinor: Math.max(a.capturedMinor, b.capturedMinor),
    failed: a.failed || b.failed,
    orderId: joinId(a.orderId, b.orderId),
    paymentLinkId: joinId(a.paymentLinkId, b.paymentLinkId),
    refunds,
  };
}

/** The facts one event states, as a state of its own. */
function eventFacts(event: PaymentEvent): PaymentState {
  assertMinor(event.amountMinor, 'amountMinor');
  if (event.amountMinor < 0) throw new RangeError('amountMinor must not be negative');
  const facts: PaymentState = { ...newPaymentState(event.paymentId), currency: event.currency };
  switch (event.type) {
    case 'payment.authorized':
      return { ...facts, amountMinor: event.amountMinor, authorized: true };
    case 'payment.failed':
      return { ...facts, amountMinor: event.amountMinor, failed: true };
    case 'payment.captured':
      return { ...facts, amountMinor: event.amountMinor, authorized: true, capturedMinor: event.amountMinor };
    case 'order.paid':
      return { ...facts, ...captured(event.amountMinor), orderId: event.orderId };
    case 'payment_link.paid':
      return { ...facts, ...captured(event.amountMinor), paymentLinkId: event.paymentLinkId };
    case 'refund.processed':
      return { ...facts, refunds: { [event.refundId]: event.amountMinor } };
  }
}

function captured(amountMinor: number) {
  return { amountMinor, authorized: true, capturedMinor: amountMinor };
}

/** Applies one webhook event. Idempotent and order-free: see PaymentState. */
export function applyPaymentEvent(state: PaymentState, event: PaymentEvent): PaymentState {
  return mergePaymentStates(state, eventFacts(event));
}

export function refundedMinor(state: PaymentState): number {
  return addMinor(...Object.values(state.refunds));
}

/** What this payment credits to its invoice: captured - refunded, never below zero. */
export function creditedMinor(state: PaymentState): number {
  return Math.max(0, state.capturedMinor - refundedMinor(state));
}

/**
 * A refund can be heard before its capture (out of order); until the capture arrives the payment
 * shows as refunded, which credits nothing, as it should.
 */
export function gatewayPaymentStatus(state: PaymentState): GatewayPaymentStatus {
  const refunded = refundedMinor(state);
  if (refunded > 0) return refunded >= state.capturedMinor ? 'refunded' : 'partially_refunded';
  if (state.capturedMinor > 0) return 'captured';
  if (state.failed) return 'failed';
  if (state.authorized) return 'authorized';
  return 'created';
}

export function samePaymentState(a: PaymentState, b: PaymentState): boolean {
  const refundIds = new Set([...Object.keys(a.refunds), ...Object.keys(b.refunds)]);
  for (const id of refundIds) if (a.refunds[id] !== b.refunds[id]) return false;
  return (
    a.paymentId === b.paymentId &&
    a.currency === b.currency &&
    a.amountMinor === b.amountMinor &&
    a.authorized === b.authorized &&
    a.capturedMinor === b.capturedMinor &&
    a.failed === b.failed &&
    a.orderId === b.orderId &&
    a.paymentLinkId === b.paymentLinkId
  );
}

export type PaymentEventEffect = {
  state: PaymentState;
  /** False when the event told us nothing new: the webhook handler can skip its writes. */
  changed: boolean;
  /** How much more (or, after a refund, less) the payment now credits to its invoice. */
  creditDeltaMinor: number;
};

export function paymentEventEffect(state: PaymentState, event: PaymentEvent): PaymentEventEffect {
  const next = applyPaymentEvent(state, event);
  return {
    state: next,
    changed: !samePaymentState(state, next),
    creditDeltaMinor: creditedMinor(next) - creditedMinor(state),
  };
}
