import type { PaymentEvent } from '@carelane/core';

type Entity = Record<string, unknown>;
const entity = (payload: unknown, name: string): Entity | null => {
  const wrapper = (payload as Record<string, { entity?: Entity } | undefined> | null)?.[name];
  return wrapper?.entity && typeof wrapper.entity === 'object' ? wrapper.entity : null;
};
const text = (e: Entity | null, key: string) => (typeof e?.[key] === 'string' ? (e[key] as string) : null);
const amount = (e: Entity | null, key = 'amount') =>
  typeof e?.[key] === 'number' && Number.isSafeInteger(e[key]) ? (e[key] as number) : null;

/** What a Razorpay webhook body says about one payment, as core's event; null for events we do not use. */
export type ParsedGatewayEvent = { event: PaymentEvent; orderId: string | null; paymentLinkId: string | null };

export function parseGatewayEvent(body: unknown): ParsedGatewayEvent | null {
  const root = body as { event?: unknown; payload?: unknown } | null;
  const type = root?.event;
  const payment = entity(root?.payload, 'payment');
  const paymentId = text(payment, 'id');
  const orderId = text(payment, 'order_id') ?? text(entity(root?.payload, 'order'), 'id');
  const paymentLinkId = text(entity(root?.payload, 'payment_link'), 'id');
  const currency = text(payment, 'currency');
  const paymentAmount = amount(payment);
  if (type === 'refund.processed') {
    const refund = entity(root?.payload, 'refund');
    const refundId = text(refund, 'id');
    const refundPaymentId = text(refund, 'payment_id');
    const refundAmount = amount(refund);
    const refundCurrency = text(refund, 'currency');
    if (!refundId || !refundPaymentId || refundAmount === null || !refundCurrency) return null;
    return {
      event: { type, refundId, paymentId: refundPaymentId, amountMinor: refundAmount, currency: refundCurrency },
      orderId,
      paymentLinkId,
    };
  }
  if (!paymentId || paymentAmount === null || !currency) return null;
  const base = { paymentId, amountMinor: paymentAmount, currency };
  switch (type) {
    case 'payment.authorized':
    case 'payment.captured':
    case 'payment.failed':
      return { event: { type, ...base }, orderId, paymentLinkId };
    case 'order.paid':
      return orderId ? { event: { type, ...base, orderId }, orderId, paymentLinkId } : null;
    case 'payment_link.paid':
      return paymentLinkId ? { event: { type, ...base, paymentLinkId }, orderId, paymentLinkId } : null;
    default:
      return null;
  }
}
