import { type DbOrTx, invoices } from '@carelane/db';
import { and, eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';

/** An invoice of the caller's organization, locked for the transaction; else NOT_FOUND. */
export async function lockInvoice(tx: DbOrTx, ctx: StaffContext, id: string) {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), eq(invoices.organizationId, ctx.principal.organizationId)))
    .for('update');
  if (!row) throw notFound('Invoice');
  return row;
}
