import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPaymentEvent,
  creditedMinor,
  gatewayPaymentStatus,
  mergePaymentStates,
  newPaymentState,
  type PaymentEvent,
  type PaymentState,
  paymentEventEffect,
  samePaymentState,
} from '../src/billing';

const base = { paymentId: 'pay_1', currency: 'INR' };
const authorized: PaymentEvent = { type: 'payment.authorized', ...base, amountMinor: 50_000 };
const capturedEvent: PaymentEvent = { type: 'payment.captured', ...base, amountMinor: 50_000 };
const failed: PaymentEvent = { type: 'payment.failed', ...base, amountMinor: 50_000 };
const orderPaid: PaymentEvent = { type: 'order.paid', ...base, orderId: 'order_1', amountMinor: 50_000 };
const linkPaid: PaymentEvent = { type: 'payment_link.paid', ...base, paymentLinkId: 'plink_1', amountMinor: 50_000 };
const refund = (refundId: string, amountMinor: number): PaymentEvent => ({
  type: 'refund.processed',
  ...base,
  refundId,
  amountMinor,
});

const run = (events: PaymentEvent[]) => events.reduce(applyPaymentEvent, newPaymentState('pay_1'));

describe('payment state, event by event', () => {
  it('goes created -> authorized -> captured -> partly refunded -> refunded', () => {
    expect(gatewayPaymentStatus(run([]))).toBe('created');
    expect(gatewayPaymentStatus(run([authorized]))).toBe('authorized');
    expect(gatewayPaymentStatus(run([authorized, capturedEvent]))).toBe('captured');
    expect(gatewayPaymentStatus(run([capturedEvent, refund('rfnd_1', 20_000)]))).toBe('partially_refunded');
    expect(gatewayPaymentStatus(run([capturedEvent, refund('rfnd_1', 20_000), refund('rfnd_2', 30_000)]))).toBe(
      'refunded',
    );
  });

  it('credits captured - refunded, and a repeated refund counts once', () => {
    expect(creditedMinor(run([authorized]))).toBe(0);
    expect(creditedMinor(run([capturedEvent, orderPaid, capturedEvent]))).toBe(50_000);
    expect(creditedMinor(run([capturedEvent, refund('rfnd_1', 20_000), refund('rfnd_1', 20_000)]))).toBe(30_000);
  });

  it('order.paid and payment_link.paid count as the capture, not in addition to it', () => {
    const state = run([orderPaid, linkPaid, capturedEvent]);
    expect(state).toMatchObject({ capturedMinor: 50_000, orderId: 'order_1', paymentLinkId: 'plink_1' });
    expect(creditedMinor(state)).toBe(50_000);
  });

  it('failed shows only when nothing was captured', () => {
    expect(gatewayPaymentStatus(run([authorized, failed]))).toBe('failed');
    expect(gatewayPaymentStatus(run([failed, capturedEvent]))).toBe('captured');
    expect(gatewayPaymentStatus(run([capturedEvent, failed]))).toBe('captured');
  });

  it('a refund heard before its capture credits nothing until the capture arrives', () => {
    const early = run([refund('rfnd_1', 10_000)]);
    expect(gatewayPaymentStatus(early)).toBe('refunded');
    expect(creditedMinor(early)).toBe(0);
    expect(creditedMinor(applyPaymentEvent(early, capturedEvent))).toBe(40_000);
  });

  it('tells the webhook handler which events change nothing, and how the credit moves', () => {
    const first = paymentEventEffect(newPaymentState('pay_1'), capturedEvent);
    expect(first).toMatchObject({ changed: true, creditDeltaMinor: 50_000 });
    expect(paymentEventEffect(first.state, capturedEvent)).toMatchObject({ changed: false, creditDeltaMinor: 0 });
    expect(paymentEventEffect(first.state, authorized)).toMatchObject({ changed: false, creditDeltaMinor: 0 });
    const refunded = paymentEventEffect(first.state, refund('rfnd_1', 5_000));
    expect(refunded).toMatchObject({ changed: true, creditDeltaMinor: -5_000 });
    expect(paymentEventEffect(refunded.state, refund('rfnd_1', 5_000)).changed).toBe(false);
  });

  it('refuses events of another payment or currency, and amounts that are not whole', () => {
    const state = run([capturedEvent]);
    expect(() => applyPaymentEvent(state, { ...capturedEvent, paymentId: 'pay_2' })).toThrow();
    expect(() => applyPaymentEvent(state, { ...capturedEvent, currency: 'USD' })).toThrow();
    expect(() => applyPaymentEvent(state, { ...capturedEvent, amountMinor: 10.5 })).toThrow(RangeError);
    expect(() => applyPaymentEvent(state, { ...capturedEvent, amountMinor: -1 })).toThrow(RangeError);
  });
});

const amountArb = fc.integer({ min: 0, max: 10_000_000 });
/** Any events of one payment, amounts free (even disagreeing), refund ids from a small pool so they repeat. */
const eventArb: fc.Arbitrary<PaymentEvent> = fc.oneof(
  amountArb.map((amountMinor) => ({ type: 'payment.authorized' as const, ...base, amountMinor })),
  amountArb.map((amountMinor) => ({ type: 'payment.captured' as const, ...base, amountMinor })),
  amountArb.map((amountMinor) => ({ type: 'payment.failed' as const, ...base, amountMinor })),
  fc.record({ amountMinor: amountArb, orderId: fc.constantFrom('order_1', 'order_2') }).map((e) => ({
    type: 'order.paid' as const,
    ...base,
    ...e,
  })),
  fc.record({ amountMinor: amountArb, paymentLinkId: fc.constantFrom('plink_1', 'plink_2') }).map((e) => ({
    type: 'payment_link.paid' as const,
    ...base,
    ...e,
  })),
  fc.record({ amountMinor: amountArb, refundId: fc.constantFrom('rfnd_1', 'rfnd_2', 'rfnd_3') }).map((e) => ({
    type: 'refund.processed' as const,
    ...base,
    ...e,
  })),
);

/** The same multiset of events twice over: each repeated 1-3 times, then shuffled two ways. */
const twoDeliveriesArb = fc
  .array(fc.tuple(eventArb, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), { maxLength: 12 })
  .chain((items) => {
    const once = items.map(([e]) => e);
    const a = items.flatMap(([e, n]) => Array.from({ length: n }, () => e));
    const b = items.flatMap(([e, , m]) => Array.from({ length: m }, () => e));
    return fc.tuple(
      fc.constant(once),
      fc.shuffledSubarray(a, { minLength: a.length }),
      fc.shuffledSubarray(b, { minLength: b.length }),
    );
  });

const stateArb: fc.Arbitrary<PaymentState> = fc.array(eventArb, { maxLength: 6 }).map(run);

describe('payment state, for any order and any repetition of the same events', () => {
  it('ends in the same state, status and credit', () => {
    fc.assert(
      fc.property(twoDeliveriesArb, ([once, a, b]) => {
        const [sa, sb, s1] = [run(a), run(b), run(once)];
        expect(samePaymentState(sa, sb)).toBe(true);
        expect(samePaymentState(sa, s1)).toBe(true);
        expect(gatewayPaymentStatus(sa)).toBe(gatewayPaymentStatus(sb));
        expect(creditedMinor(sa)).toBe(creditedMinor(sb));
      }),
    );
  });

  it('never credits more than the largest capture, nor counts a refund id twice', () => {
    fc.assert(
      fc.property(twoDeliveriesArb, ([once, a]) => {
        const state = run(a);
        const captures = once.filter(
          (e) => e.type !== 'refund.processed' && e.type !== 'payment.authorized' && e.type !== 'payment.failed',
        );
        const most = Math.max(0, ...captures.map((e) => e.amountMinor));
        const refunds = new Map<string, number>();
        for (const e of once) {
          if (e.type === 'refund.processed')
            refunds.set(e.refundId, Math.max(refunds.get(e.refundId) ?? 0, e.amountMinor));
        }
        const refunded = [...refunds.values()].reduce((s, x) => s + x, 0);
        expect(creditedMinor(state)).toBe(Math.max(0, most - refunded));
      }),
    );
  });

  it('the credit deltas of a delivery sum to the final credit, and a repeat changes nothing', () => {
    fc.assert(
      fc.property(twoDeliveriesArb, ([, a]) => {
        let state = newPaymentState('pay_1');
        let credited = 0;
        for (const event of a) {
          const effect = paymentEventEffect(state, event);
          if (!effect.changed) expect(effect.creditDeltaMinor).toBe(0);
          credited += effect.creditDeltaMinor;
          state = effect.state;
          expect(paymentEventEffect(state, event).changed).toBe(false);
        }
        expect(credited).toBe(creditedMinor(state));
      }),
    );
  });

  it('merging is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(stateArb, stateArb, stateArb, (x, y, z) => {
        expect(samePaymentState(mergePaymentStates(x, y), mergePaymentStates(y, x))).toBe(true);
        expect(
          samePaymentState(
            mergePaymentStates(mergePaymentStates(x, y), z),
            mergePaymentStates(x, mergePaymentStates(y, z)),
          ),
        ).toBe(true);
        expect(samePaymentState(mergePaymentStates(x, x), x)).toBe(true);
      }),
    );
  });
});
