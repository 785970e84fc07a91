import { appointmentTypes, organizations } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { audit, diff } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import type { ArchiveTypeInput, CreateTypeInput, UpdateTypeInput } from './save.schema';

export async function createTypeHandler({ ctx, input }: { ctx: StaffContext; input: CreateTypeInput }) {
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx
      .select({ currency: organizations.currency })
      .from(organizations)
      .where(ctx.tenant.organization());
    if (!org) throw notFound('Organization');
    const [row] = await tx
      .insert(appointmentTypes)
      .values(ctx.tenant.row({ ...input, currency: org.currency }))
      .returning();
    if (!row) throw new Error('Insert returned no row');
    await audit(
      ctx,
      { action: 'appointment_type.create', entity: 'appointment_type', entityId: row.id, changes: diff({}, input) },
      tx,
    );
    return row;
  });
}

export async function updateTypeHandler({ ctx, input }: { ctx: StaffContext; input: UpdateTypeInput }) {
  return ctx.db.transaction(async (tx) => {
    const mine = ctx.tenant.where(appointmentTypes, eq(appointmentTypes.id, input.id));
    const [before] = await tx.select().from(appointmentTypes).where(mine).for('update');
    if (!before) throw notFound('Appointment type');
    const [row] = await tx.update(appointmentTypes).set(input.values).where(mine).returning();
    await audit(
      ctx,
      {
        action: 'appointment_type.update',
        entity: 'appointment_type',
        entityId: input.id,
        changes: diff(before, input.values),
      },
      tx,
    );
    return row;
  });
}

/** Types are archived, never deleted: existing appointments keep pointing at them. */
export async function archiveTypeHandler({ ctx, input }: { ctx: StaffContext; input: ArchiveTypeInput }) {
  return ctx.db.transaction(async (tx) => {
    const mine = ctx.tenant.where(appointmentTypes, eq(appointmentTypes.id, input.id));
    const [before] = await tx.select().from(appointmentTypes).where(mine).for('update');
    if (!before) throw notFound('Appointment type');
    const [row] = await tx.update(appointmentTypes).set({ active: input.active }).where(mine).returning();
    await audit(
      ctx,
      {
        action: input.active ? 'appointment_type.restore' : 'appointment_type.archive',
        entity: 'appointment_type',
        entityId: input.id,
        changes: { active: { from: before.active, to: input.active } },
      },
      tx,
    );
    return row;
  });
}
