import { channelRefusal, invoiceStatus } from '@carelane/core';
import { invoices, organizations, patients } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import { createPaymentLink } from '../../payments/payment-links';
import type { StaffContext } from '../../trpc';
import type { PaymentLinkInput } from './invoices.schema';

/**
 * A Razorpay payment link for what is still owed on an issued invoice, optionally sent to the
 * patient through the outbox (consent per channel).
 */
export async function paymentLinkHandler({ ctx, input }: { ctx: StaffContext; input: PaymentLinkInput }) {
  if (!ctx.payments)
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Online payments are not set up on this server.' });
  const { organizationId } = ctx.tenant;
  const [row] = await ctx.db
    .select({ invoice: invoices, patient: patients, orgName: organizations.name })
    .from(invoices)
    .innerJoin(patients, eq(patients.id, invoices.patientId))
    .innerJoin(organizations, ctx.tenant.organization())
    .where(ctx.tenant.where(invoices, eq(invoices.id, input.invoiceId)));
  if (!row) throw notFound('Invoice');
  const { invoice, patient } = row;
  if (invoice.status !== 'issued') {
    throw new TRPCError({
      code: 'CONFLICT',
      message: invoice.status === 'draft' ? 'Issue the invoice first.' : 'This invoice is void.',
    });
  }
  const { balanceMinor } = invoiceStatus({ ...invoice, voided: false, issued: true });
  if (balanceMinor <= 0) throw new TRPCError({ code: 'CONFLICT', message: 'This invoice is already paid.' });
  const refusal = input.sendVia ? channelRefusal(patient, input.sendVia) : null;
  if (refusal) throw fieldError('sendVia', refusal);
  return createPaymentLink(ctx, {
    gateway: ctx.payments,
    organizationId,
    organizationName: row.orgName,
    patient,
    amountMinor: balanceMinor,
    currency: invoice.currency,
    what: `invoice ${invoice.number}`,
    referencePrefix: `inv-${invoice.number}`,
    invoiceId: invoice.id,
    sendVia: input.sendVia ?? null,
    createdById: ctx.principal.userId,
  });
}
