import { randomUUID } from 'node:crypto';
import { channelRecipient, channelRefusal, formatMoney, invoiceStatus } from '@carelane/core';
import { invoices, organizations, patients, paymentLinks } from '@carelane/db';
import { enqueueNotification } from '@carelane/integrations';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import type { PaymentLinkInput } from './invoices.schema';

const LINK_DAYS = 7;

/**
 * A Razorpay payment link for what is still owed on an issued invoice, optionally sent to the
 * patient through the outbox (consent per channel). The payment arrives by webhook
 * (`payment_link.paid`) and is credited by the worker like any gateway payment.
 */
export async function paymentLinkHandler({ ctx, input }: { ctx: StaffContext; input: PaymentLinkInput }) {
  if (!ctx.payments)
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Online payments are not set up on this server.' });
  const organizationId = ctx.principal.organizationId;
  const [row] = await ctx.db
    .select({ invoice: invoices, patient: patients, orgName: organizations.name })
    .from(invoices)
    .innerJoin(patients, eq(patients.id, invoices.patientId))
    .innerJoin(organizations, eq(organizations.id, invoices.organizationId))
    .where(and(eq(invoices.id, input.invoiceId), eq(invoices.organizationId, organizationId)));
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
  const what = `invoice ${invoice.number}`;
  // Created at the gateway first: a link whose row then failed to save expires unused.
  const link = await ctx.payments.createPaymentLink({
    amountMinor: balanceMinor,
    currency: invoice.currency,
    description: `${row.orgName}: ${what}`,
    customer: {
      name: `${patient.firstName} ${patient.lastName}`.trim(),
      ...(patient.phone ? { contact: patient.phone } : {}),
      ...(patient.email ? { email: patient.email } : {}),
    },
    // Razorpay refuses a reference used before; each link of an invoice gets its own.
    referenceId: `inv-${invoice.number}-${randomUUID().slice(0, 8)}`,
    expireBy: new Date(Date.now() + LINK_DAYS * 86_400_000),
    notes: { invoiceId: invoice.id },
  });
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(paymentLinks)
      .values({
        organizationId,
        patientId: patient.id,
        gatewayLinkId: link.id,
        shortUrl: link.shortUrl,
        invoiceId: invoice.id,
        amountMinor: balanceMinor,
        currency: invoice.currency,
        expiresAt: new Date(Date.now() + LINK_DAYS * 86_400_000),
        createdById: ctx.principal.userId,
      })
      .returning();
    if (!saved) throw new Error('Insert returned no row');
    const recipient = input.sendVia ? channelRecipient(patient, input.sendVia) : null;
    if (input.sendVia && recipient) {
      await enqueueNotification(
        tx,
        {
          organizationId,
          channel: input.sendVia,
          template: 'payment_link',
          recipient,
          payload: {
            organizationName: row.orgName,
            amount: formatMoney(balanceMinor, invoice.currency),
            what,
            link: link.shortUrl,
          },
          patientId: patient.id,
        },
        ctx.secret,
      );
    }
    await audit(
      ctx,
      {
        action: 'payment_link.create',
        entity: 'invoice',
        entityId: invoice.id,
        changes: {
          linkId: { to: saved.id },
          amountMinor: { to: balanceMinor },
          ...(input.sendVia ? { sentVia: { to: input.sendVia } } : {}),
        },
      },
      tx,
    );
    return { id: saved.id, url: saved.shortUrl, amountMinor: balanceMinor, sentVia: input.sendVia ?? null };
  });
}
