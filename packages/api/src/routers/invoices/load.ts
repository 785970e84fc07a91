import { type DbOrTx, invoices } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';

/** An invoice of the caller's organization, locked for the transaction; else NOT_FOUND. */
export async function lockInvoice(tx: DbOrTx, ctx: StaffContext, id: string) {
  const [row] = await tx
    .select()
    .from(invoices)
    .where(ctx.tenant.where(invoices, eq(invoices.id, id)))
    .for('update');
  if (!row) throw notFound('Invoice');
  return row;
}
