import type { PaymentEvent } from '@carelane/core';
import { gatewayOrders } from '@carelane/db';
import type { GatewayPayment } from '@carelane/integrations/payments';
import { eq } from 'drizzle-orm';
import type { ApiDeps } from '../deps';
import { applyPaymentFact } from '../payments/apply-events';
import { cancelOpenVisitLinks } from '../payments/payment-links';
import { tenantOf, unscoped } from '../tenancy';

const MAX_BODY_BYTES = 16 * 1024;

/** What the gateway says of a payment, as core's event (the same facts its webhooks carry). */
function paymentFact(payment: GatewayPayment): PaymentEvent | null {
  const base = { paymentId: payment.id, amountMinor: payment.amountMinor, currency: payment.currency };
  switch (payment.status) {
    case 'captured':
    case 'refunded':
      return { type: 'payment.captured', ...base };
    case 'authorized':
      return { type: 'payment.authorized', ...base };
    case 'failed':
      return { type: 'payment.failed', ...base };
    default:
      return null;
  }
}

function orderOfFailure(form: URLSearchParams): string | null {
  try {
    const metadata = JSON.parse(form.get('error[metadata]') ?? '{}') as { order_id?: unknown };
    return typeof metadata.order_id === 'string' ? metadata.order_id : null;
  } catch {
    return null;
  }
}

/**
 * `POST /api/payments/razorpay/callback`: where hosted Checkout sends the patient back. It arrives
 * from the gateway's page, so it carries no session: it trusts only a payment signature made with
 * our key secret, then asks the gateway for the payment and applies it like a webhook would (the
 * webhook, arriving later, changes nothing). It answers with a redirect to the patient's visits.
 */
export function createCheckoutCallbackHandler(getDeps: () => Promise<ApiDeps>) {
  return async (req: Request): Promise<Response> => {
    const deps = await getDeps();
    const back = (query: string) =>
      new Response(null, {
        status: 303,
        headers: {
          location: `${deps.bookingUrl.replace(/\/$/, '')}/appointments?${query}`,
          'cache-control': 'no-store',
        },
      });
    if (!deps.payments) return back('payment=unavailable');
    const raw = await req.text();
    if (raw.length > MAX_BODY_BYTES) return back('payment=failed');
    const form = new URLSearchParams(raw);
    const orderId = form.get('razorpay_order_id') ?? orderOfFailure(form);
    const [order] = orderId
      ? await unscoped(deps.db, "the gateway's order id names the order, before its organization is known")
          .select()
          .from(gatewayOrders)
          .where(eq(gatewayOrders.gatewayOrderId, orderId))
      : [];
    const visit = order?.appointmentId ? `&appointment=${order.appointmentId}` : '';
    const paymentId = form.get('razorpay_payment_id');
    const signature = form.get('razorpay_signature');
    if (!order || !orderId || !paymentId || !signature) return back(`payment=failed${visit}`);
    if (!deps.payments.verifyPaymentSignature({ orderId, paymentId, signature })) {
      return back(`payment=unverified${visit}`);
    }
    let payment: GatewayPayment;
    try {
      payment = await deps.payments.fetchPayment(paymentId);
    } catch {
      // The signature proves the payment; the webhook will tell us the rest.
      return back(`payment=processing${visit}`);
    }
    const event = payment.orderId === orderId ? paymentFact(payment) : null;
    if (!event) return back(`payment=processing${visit}`);
    await applyPaymentFact(deps.db, { event, orderId, paymentLinkId: null });
    if (event.type === 'payment.captured' && order.appointmentId) {
      await cancelOpenVisitLinks(deps.db, tenantOf(order.organizationId), deps.payments, order.appointmentId);
    }
    return back(`payment=${event.type === 'payment.captured' ? 'paid' : 'processing'}${visit}`);
  };
}
