import { fullName, prepaymentDueMinor } from '@carelane/core';
import { gatewayOrders } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, desc, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import { describeVisit, loadVisitForPayment } from '../../payments/visit-payment';
import type { PatientContext } from '../../trpc';
import type { PayOwnInput } from './book.schema';

export const CHECKOUT_CALLBACK_PATH = '/api/payments/razorpay/callback';

/**
 * Opens Razorpay Checkout for what a patient still owes in advance for their own pending visit:
 * an order for it (an open one of the same amount is used again, as Razorpay allows retries), and
 * the form the browser posts to the hosted Checkout. The callback and the webhook credit it.
 */
export async function payOwnHandler({ ctx, input }: { ctx: PatientContext; input: PayOwnInput }) {
  const gateway = ctx.payments;
  if (!gateway) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'Online payment is not available. Please pay at the clinic.',
    });
  }
  const { patientId } = ctx.principal;
  const row = await loadVisitForPayment(ctx.db, ctx.tenant, input.appointmentId);
  if (!row || row.visit.patientId !== patientId) throw notFound('Appointment');
  const { visit, type, patient } = row;
  if (visit.status !== 'pending') {
    const message =
      visit.status === 'cancelled'
        ? 'This appointment was cancelled, so there is nothing to pay. Please book again.'
        : 'This appointment needs no payment in advance.';
    throw new TRPCError({ code: 'CONFLICT', message });
  }
  const dueMinor = prepaymentDueMinor(type, visit.feeMinor, row.creditedMinor);
  if (dueMinor <= 0) throw new TRPCError({ code: 'CONFLICT', message: 'This appointment is already paid.' });
  const [open] = await ctx.db
    .select()
    .from(gatewayOrders)
    .where(
      and(
        eq(gatewayOrders.appointmentId, visit.id),
        eq(gatewayOrders.status, 'created'),
        eq(gatewayOrders.amountMinor, dueMinor),
      ),
    )
    .orderBy(desc(gatewayOrders.createdAt))
    .limit(1);
  let orderId = open?.gatewayOrderId;
  if (!orderId) {
    const order = await gateway.createOrder({
      amountMinor: dueMinor,
      currency: visit.currency,
      receipt: `appt-${visit.id.slice(0, 8)}`,
      notes: { appointmentId: visit.id },
    });
    await ctx.db.insert(gatewayOrders).values(
      ctx.tenant.row({
        patientId,
        gatewayOrderId: order.orderId,
        appointmentId: visit.id,
        amountMinor: dueMinor,
        currency: visit.currency,
      }),
    );
    orderId = order.orderId;
  }
  await audit(ctx, {
    action: 'payment.checkout',
    entity: 'appointment',
    entityId: visit.id,
    changes: { orderId: { to: orderId }, amountMinor: { to: dueMinor } },
  });
  const base = ctx.bookingUrl.replace(/\/$/, '');
  const checkout = gateway.checkoutForm({
    orderId,
    callbackUrl: `${base}${CHECKOUT_CALLBACK_PATH}`,
    cancelUrl: `${base}/appointments?payment=cancelled`,
    name: row.organizationName,
    description: describeVisit(row),
    prefill: {
      name: fullName(patient),
      ...(patient.phone ? { contact: patient.phone } : {}),
      ...(patient.email ? { email: patient.email } : {}),
    },
  });
  return { ...checkout, amountMinor: dueMinor, currency: visit.currency };
}
