import { checkRefund, formatMoney, invoiceStatus } from '@carelane/core';
import { invoices, payments, refunds } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import type { RecordPaymentInput, RefundInput } from './invoices.schema';
import { lockInvoice } from './load';

/**
 * Money received at the desk against an issued invoice, in part or in full, never more than the
 * balance. The invoice row is locked, so two receptionists recording at once cannot overpay it.
 */
export async function recordPaymentHandler({ ctx, input }: { ctx: StaffContext; input: RecordPaymentInput }) {
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, ctx, input.invoiceId);
    if (invoice.status !== 'issued') {
      const message = invoice.status === 'draft' ? 'Issue the invoice before taking payment.' : 'This invoice is void.';
      throw new TRPCError({ code: 'CONFLICT', message });
    }
    const { balanceMinor } = invoiceStatus({ ...invoice, voided: false, issued: true });
    if (balanceMinor <= 0) throw new TRPCError({ code: 'CONFLICT', message: 'This invoice is already paid.' });
    if (input.amountMinor > balanceMinor) {
      throw fieldError(
        'amountMinor',
        `That is more than the balance of ${formatMoney(balanceMinor, invoice.currency)}.`,
      );
    }
    const [payment] = await tx
      .insert(payments)
      .values({
        organizationId: invoice.organizationId,
        patientId: invoice.patientId,
        invoiceId: invoice.id,
        method: input.method,
        amountMinor: input.amountMinor,
        creditedMinor: input.amountMinor,
        currency: invoice.currency,
        status: 'captured',
        reference: input.reference ?? null,
        recordedById: ctx.principal.userId,
      })
      .returning();
    if (!payment) throw new Error('Insert returned no row');
    await tx
      .update(invoices)
      .set({ paidMinor: sql`${invoices.paidMinor} + ${input.amountMinor}` })
      .where(eq(invoices.id, invoice.id));
    await audit(
      ctx,
      {
        action: 'payment.record',
        entity: 'payment',
        entityId: payment.id,
        changes: {
          invoiceId: { to: invoice.id },
          method: { to: input.method },
          amountMinor: { to: input.amountMinor },
        },
      },
      tx,
    );
    return payment;
  });
}

/** Gives back part or all of a desk payment; never more than it still credits (core checkRefund). */
export async function refundHandler({ ctx, input }: { ctx: StaffContext; input: RefundInput }) {
  return ctx.db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.id, input.paymentId), eq(payments.organizationId, ctx.principal.organizationId)))
      .for('update');
    if (!payment) throw notFound('Payment');
    if (payment.method === 'razorpay') {
      throw new TRPCError({ code: 'CONFLICT', message: 'Online payments are refunded through the gateway.' });
    }
    const invoice = payment.invoiceId ? await lockInvoice(tx, ctx, payment.invoiceId) : null;
    const check = checkRefund({
      amountMinor: input.amountMinor,
      paidMinor: payment.amountMinor,
      refundedMinor: payment.amountMinor - payment.creditedMinor,
      currency: payment.currency,
    });
    if (!check.ok) throw fieldError(check.field, check.message);
    const [refund] = await tx
      .insert(refunds)
      .values({
        organizationId: payment.organizationId,
        paymentId: payment.id,
        amountMinor: input.amountMinor,
        currency: payment.currency,
        status: 'processed',
        reason: input.reason,
        createdById: ctx.principal.userId,
        processedAt: new Date(),
      })
      .returning();
    if (!refund) throw new Error('Insert returned no row');
    await tx
      .update(payments)
      .set({ creditedMinor: sql`${payments.creditedMinor} - ${input.amountMinor}` })
      .where(eq(payments.id, payment.id));
    if (invoice) {
      await tx
        .update(invoices)
        .set({ refundedMinor: sql`${invoices.refundedMinor} + ${input.amountMinor}` })
        .where(eq(invoices.id, invoice.id));
    }
    await audit(
      ctx,
      {
        action: 'payment.refund',
        entity: 'payment',
        entityId: payment.id,
        changes: { refundId: { to: refund.id }, amountMinor: { to: input.amountMinor } },
      },
      tx,
    );
    return refund;
  });
}
