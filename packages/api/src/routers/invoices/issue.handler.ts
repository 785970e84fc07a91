import { localDate } from '@carelane/core';
import { invoiceSequences, invoices, organizations } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import type { InvoiceIdInput, InvoiceVoidInput } from './invoices.schema';
import { lockInvoice } from './load';

/**
 * Issues a draft: it takes the organization's next number in the same transaction (the sequence
 * row is locked by the upsert), so numbers have no gaps and no repeats however many issue at once.
 */
export async function invoiceIssueHandler({ ctx, input }: { ctx: StaffContext; input: InvoiceIdInput }) {
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, ctx, input.id);
    if (invoice.status !== 'draft') {
      throw new TRPCError({ code: 'CONFLICT', message: `This invoice is already ${invoice.status}.` });
    }
    const [sequence] = await tx
      .insert(invoiceSequences)
      .values(ctx.tenant.row({ lastNumber: 1 }))
      .onConflictDoUpdate({
        target: invoiceSequences.organizationId,
        set: { lastNumber: sql`${invoiceSequences.lastNumber} + 1` },
      })
      .returning();
    const [org] = await tx
      .select({ zone: organizations.defaultZone })
      .from(organizations)
      .where(ctx.tenant.organization());
    const now = new Date();
    const [issued] = await tx
      .update(invoices)
      .set({
        status: 'issued',
        number: sequence?.lastNumber,
        issuedAt: now,
        issuedOn: localDate(now, org?.zone ?? 'UTC'),
      })
      .where(eq(invoices.id, invoice.id))
      .returning();
    await audit(
      ctx,
      {
        action: 'invoice.issue',
        entity: 'invoice',
        entityId: invoice.id,
        changes: { number: { to: sequence?.lastNumber } },
      },
      tx,
    );
    return issued;
  });
}

/** Voids an issued invoice that holds no money (refund first); the number stays used. */
export async function invoiceVoidHandler({ ctx, input }: { ctx: StaffContext; input: InvoiceVoidInput }) {
  return ctx.db.transaction(async (tx) => {
    const invoice = await lockInvoice(tx, ctx, input.id);
    if (invoice.status !== 'issued') {
      const message =
        invoice.status === 'draft' ? 'A draft is not void: it was never issued.' : 'This invoice is already void.';
      throw new TRPCError({ code: 'CONFLICT', message });
    }
    if (invoice.paidMinor - invoice.refundedMinor > 0) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'Money was paid on this invoice. Refund it before voiding the invoice.',
      });
    }
    const [voided] = await tx
      .update(invoices)
      .set({ status: 'void', voidedAt: new Date(), voidReason: input.reason })
      .where(eq(invoices.id, invoice.id))
      .returning();
    await audit(
      ctx,
      {
        action: 'invoice.void',
        entity: 'invoice',
        entityId: invoice.id,
        changes: { status: { from: 'issued', to: 'void' } },
      },
      tx,
    );
    return voided;
  });
}
