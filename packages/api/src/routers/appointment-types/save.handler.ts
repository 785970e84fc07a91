import { appointmentTypes, type DbOrTx, organizations } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { audit, diff } from '../../audit';
import { notFound } from '../../errors';
import { cliniciansAmong, defaultOfferers, offerersOf, setOfferers } from '../../scheduling/offered-types';
import type { Tenant } from '../../tenancy';
import type { StaffContext } from '../../trpc';
import type { ArchiveTypeInput, CreateTypeInput, UpdateTypeInput } from './save.schema';

/** The clinicians named, all of them the tenant's: another organization's id is NOT_FOUND. */
async function chosenClinicians(db: DbOrTx, tenant: Tenant, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await cliniciansAmong(db, tenant, unique);
  if (found.length !== unique.length) throw notFound('Clinician');
  return found;
}

export async function createTypeHandler({ ctx, input }: { ctx: StaffContext; input: CreateTypeInput }) {
  const { offeredBy = [], ...values } = input;
  return ctx.db.transaction(async (tx) => {
    const chosen = await chosenClinicians(tx, ctx.tenant, offeredBy);
    const [org] = await tx
      .select({ currency: organizations.currency })
      .from(organizations)
      .where(ctx.tenant.organization());
    if (!org) throw notFound('Organization');
    const [row] = await tx
      .insert(appointmentTypes)
      .values(ctx.tenant.row({ ...values, currency: org.currency }))
      .returning();
    if (!row) throw new Error('Insert returned no row');
    const offerers = chosen.length ? chosen : await defaultOfferers(tx, ctx.tenant, row.specialisation);
    await setOfferers(tx, ctx.tenant, row.id, offerers);
    await audit(
      ctx,
      {
        action: 'appointment_type.create',
        entity: 'appointment_type',
        entityId: row.id,
        changes: { ...diff({}, values), offeredBy: { to: offerers } },
      },
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
    const chosen = input.offeredBy ? await chosenClinicians(tx, ctx.tenant, input.offeredBy) : null;
    const [row] = await tx.update(appointmentTypes).set(input.values).where(mine).returning();
    let offeredBy = {};
    if (chosen) {
      const was = await offerersOf(tx, ctx.tenant, input.id);
      const same = was.length === chosen.length && chosen.every((id) => was.includes(id));
      if (!same) {
        await setOfferers(tx, ctx.tenant, input.id, chosen);
        offeredBy = { offeredBy: { from: was, to: chosen } };
      }
    }
    await audit(
      ctx,
      {
        action: 'appointment_type.update',
        entity: 'appointment_type',
        entityId: input.id,
        changes: { ...diff(before, input.values), ...offeredBy },
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
