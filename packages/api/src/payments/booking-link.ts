import { firstAllowedChannel, prepaymentDueMinor, UNPAID_BOOKING_HOLD_MINUTES } from '@carelane/core';
import type { Context } from '../context';
import type { Tenant } from '../tenancy';
import { createPaymentLink } from './payment-links';
import { describeVisit, loadVisitForPayment } from './visit-payment';

/**
 * After an online booking that must be paid in advance, a payment link for it goes to the
 * patient on the first channel they agreed to, valid while the time is held: a way to pay from
 * their phone if they leave Checkout. Best effort: the booking stands without it.
 */
export async function sendBookingPaymentLink(ctx: Context, tenant: Tenant, appointmentId: string) {
  if (!ctx.payments) return null;
  try {
    const row = await loadVisitForPayment(ctx.db, tenant, appointmentId);
    if (row?.visit.status !== 'pending') return null;
    const amountMinor = prepaymentDueMinor(row.type, row.visit.feeMinor, row.creditedMinor);
    if (amountMinor <= 0) return null;
    return await createPaymentLink(ctx, {
      gateway: ctx.payments,
      organizationId: tenant.organizationId,
      organizationName: row.organizationName,
      patient: row.patient,
      amountMinor,
      currency: row.visit.currency,
      what: describeVisit(row),
      referencePrefix: `book-${row.visit.id.slice(0, 8)}`,
      appointmentId: row.visit.id,
      expiresAt: new Date(row.visit.createdAt.getTime() + UNPAID_BOOKING_HOLD_MINUTES * 60_000),
      sendVia: firstAllowedChannel(row.patient),
    });
  } catch (err) {
    console.error(`booking payment link not sent (${err instanceof Error ? err.name : 'error'})`);
    return null;
  }
}
