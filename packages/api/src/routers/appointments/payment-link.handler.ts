import { channelRefusal } from '@carelane/core';
import { TRPCError } from '@trpc/server';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import { createPaymentLink } from '../../payments/payment-links';
import { describeVisit, loadVisitForPayment } from '../../payments/visit-payment';
import type { StaffContext } from '../../trpc';
import type { AppointmentPaymentLinkInput } from './payment-link.schema';

/**
 * A payment link for what a visit still owes (its fee less what its payments credit), optionally
 * sent to the patient. A visit already on an invoice is paid through that invoice instead, so
 * the same money is never asked for twice.
 */
export async function appointmentPaymentLinkHandler({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: AppointmentPaymentLinkInput;
}) {
  if (!ctx.payments)
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Online payments are not set up on this server.' });
  const row = await loadVisitForPayment(ctx.db, ctx.tenant, input.appointmentId);
  if (!row) throw notFound('Appointment');
  const { visit, patient } = row;
  if (visit.status === 'cancelled' || visit.status === 'no_show') {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'This visit did not take place, so there is nothing to pay for it.',
    });
  }
  if (row.billedOn !== null) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `This visit is billed on invoice ${row.billedOn}: send a payment link for that invoice instead.`,
    });
  }
  const dueMinor = visit.feeMinor - row.creditedMinor;
  if (dueMinor <= 0) throw new TRPCError({ code: 'CONFLICT', message: 'This visit is already paid.' });
  const refusal = input.sendVia ? channelRefusal(patient, input.sendVia) : null;
  if (refusal) throw fieldError('sendVia', refusal);
  return createPaymentLink(ctx, {
    gateway: ctx.payments,
    organizationId: visit.organizationId,
    organizationName: row.organizationName,
    patient,
    amountMinor: dueMinor,
    currency: visit.currency,
    what: describeVisit(row),
    referencePrefix: `appt-${visit.id.slice(0, 8)}`,
    appointmentId: visit.id,
    sendVia: input.sendVia ?? null,
    createdById: ctx.principal.userId,
  });
}
