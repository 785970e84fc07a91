import { organizations, procedures } from '@carelane/db';
import { asc, eq } from 'drizzle-orm';
import { audit, diff } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import type { ProcedureListInput, ProcedureSaveInput } from './procedures.schema';

/** The organization's price list, by name; retired procedures only when asked. */
export async function procedureListHandler({ ctx, input }: { ctx: StaffContext; input: ProcedureListInput }) {
  return ctx.db
    .select()
    .from(procedures)
    .where(ctx.tenant.where(procedures, input.includeInactive ? undefined : eq(procedures.active, true)))
    .orderBy(asc(procedures.name));
}

/** Adds a procedure or changes one (never deleted: treatments keep referring to it; retire it instead). */
export async function procedureSaveHandler({ ctx, input }: { ctx: StaffContext; input: ProcedureSaveInput }) {
  const { id, ...fields } = input;
  const values = { ...fields, code: fields.code ?? null };
  return ctx.db.transaction(async (tx) => {
    if (!id) {
      const [org] = await tx
        .select({ currency: organizations.currency })
        .from(organizations)
        .where(ctx.tenant.organization());
      const [row] = await tx
        .insert(procedures)
        .values(ctx.tenant.row({ ...values, currency: org?.currency ?? 'INR' }))
        .returning();
      if (!row) throw new Error('Insert returned no row');
      await audit(
        ctx,
        { action: 'procedure.create', entity: 'procedure', entityId: row.id, changes: diff({}, values) },
        tx,
      );
      return row;
    }
    const where = ctx.tenant.where(procedures, eq(procedures.id, id));
    const [before] = await tx.select().from(procedures).where(where).for('update');
    if (!before) throw notFound('Procedure');
    const [row] = await tx.update(procedures).set(values).where(where).returning();
    if (!row) throw notFound('Procedure');
    await audit(
      ctx,
      { action: 'procedure.update', entity: 'procedure', entityId: id, changes: diff(before, values) },
      tx,
    );
    return row;
  });
}
