import { checkRefund, formatMoney, invoiceStatus } from '@carelane/core';
import { invoices, payments, refunds } from '@carelane/db';
import { PaymentGatewayError } from '@carelane/integrations/payments';
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import { paymentReceipt } from '../../messaging/receipt-message';
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
    await paymentReceipt(tx, ctx.tenant, payment.id);
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

/**
 * Gives back part or all of a payment, never more than it still credits (core checkRefund). A
 * desk payment is refunded at once. An online payment is refunded through the gateway: the row
 * waits as pending and its money moves only when `refund.processed` arrives (the worker applies it
 * through the payment state machine, like every gateway fact). The payment row stays locked
 * during the gateway call, so two refunds at once cannot both pass the check.
 */
export async function refundHandler({ ctx, input }: { ctx: StaffContext; input: RefundInput }) {
  return ctx.db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(ctx.tenant.where(payments, eq(payments.id, input.paymentId)))
      .for('update');
    if (!payment) throw notFound('Payment');
    const online = payment.method === 'razorpay';
    const [pending] = await tx
      .select({ total: sql<number>`coalesce(sum(${refunds.amountMinor}), 0)::int` })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, 'pending')));
    const check = checkRefund({
      amountMinor: input.amountMinor,
      paidMinor: payment.amountMinor,
      refundedMinor: payment.amountMinor - payment.creditedMinor + (pending?.total ?? 0),
      currency: payment.currency,
    });
    if (!check.ok) throw fieldError(check.field, check.message);
    const invoice = !online && payment.invoiceId ? await lockInvoice(tx, ctx, payment.invoiceId) : null;
    const gatewayRefund = online ? await refundAtGateway(ctx, payment, input) : null;
    const [refund] = await tx
      .insert(refunds)
      .values({
        organizationId: payment.organizationId,
        paymentId: payment.id,
        amountMinor: input.amountMinor,
        currency: payment.currency,
        status: online ? 'pending' : 'processed',
        gatewayRefundId: gatewayRefund?.id ?? null,
        reason: input.reason,
        createdById: ctx.principal.userId,
        processedAt: online ? null : new Date(),
      })
      .returning();
    if (!refund) throw new Error('Insert returned no row');
    if (!online) {
      await tx
        .update(payments)
        .set({ creditedMinor: sql`${payments.creditedMinor} - ${input.amountMinor}` })
        .where(eq(payments.id, payment.id));
    }
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
        changes: {
          refundId: { to: refund.id },
          amountMinor: { to: input.amountMinor },
          ...(gatewayRefund ? { gatewayRefundId: { to: gatewayRefund.id } } : {}),
        },
      },
      tx,
    );
    return refund;
  });
}

/** Asks the gateway to give the money back; its refusal is told as the receptionist would say it. */
async function refundAtGateway(ctx: StaffContext, payment: typeof payments.$inferSelect, input: RefundInput) {
  if (!ctx.payments || !payment.gatewayPaymentId) {
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Online payments are not set up on this server.' });
  }
  try {
    return await ctx.payments.createRefund({
      paymentId: payment.gatewayPaymentId,
      amountMinor: input.amountMinor,
      notes: { paymentId: payment.id },
    });
  } catch (err) {
    if (err instanceof PaymentGatewayError && err.kind === 'bad_request') {
      throw new TRPCError({ code: 'CONFLICT', message: `Razorpay refused the refund: ${err.description}` });
    }
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Razorpay did not answer. Nothing was refunded; please try again in a minute.',
    });
  }
}
