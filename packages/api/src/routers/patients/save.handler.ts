import { normalisePhone } from '@carelane/core';
import { nextPatientMrn, organizations, patients } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import { changedFieldNames, loadPatient, phoneConflict, phoneRaceConflict, publicPatient, requireLive } from './load';
import type { CreatePatientInput, PatientFields, PatientIdInput, UpdatePatientInput } from './save.schema';

async function organizationCountry(ctx: StaffContext): Promise<string> {
  const [org] = await ctx.db
    .select({ country: organizations.country })
    .from(organizations)
    .where(ctx.tenant.organization());
  if (!org) throw notFound('Organization');
  return org.country;
}

/** Phones typed in any format become E.164, read in the organization's country. */
function withE164<T extends Partial<PatientFields>>(values: T, country: string): T {
  const out = { ...values };
  if (values.phone) {
    const phone = normalisePhone(values.phone, country);
    if (!phone) throw fieldError('phone', 'This is not a valid phone number');
    out.phone = phone;
  }
  if (values.emergencyContact) {
    const phone = normalisePhone(values.emergencyContact.phone, country);
    if (!phone) throw fieldError('emergencyContact.phone', 'This is not a valid phone number');
    out.emergencyContact = { ...values.emergencyContact, phone };
  }
  return out;
}

export async function createPatientHandler({ ctx, input }: { ctx: StaffContext; input: CreatePatientInput }) {
  const { tenant } = ctx;
  const values = withE164(input, await organizationCountry(ctx));
  try {
    return await ctx.db.transaction(async (tx) => {
      if (values.phone) {
        const conflict = await phoneConflict(tx, tenant, values.phone);
        if (conflict) throw conflict;
      }
      const mrn = await nextPatientMrn(tx, tenant.organizationId);
      const [row] = await tx
        .insert(patients)
        .values(tenant.row({ ...values, mrn }))
        .returning();
      if (!row) throw new Error('Insert returned no row');
      await audit(
        ctx,
        { action: 'patient.create', entity: 'patient', entityId: row.id, changes: changedFieldNames({}, values) },
        tx,
      );
      return publicPatient(row);
    });
  } catch (error) {
    throw await phoneRaceConflict(ctx, error, values.phone);
  }
}

export async function updatePatientHandler({ ctx, input }: { ctx: StaffContext; input: UpdatePatientInput }) {
  const values = withE164(input.values, await organizationCountry(ctx));
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await loadPatient(tx, ctx, input.id, true);
      await requireLive(tx, before);
      if (values.phone && values.phone !== before.phone) {
        const conflict = await phoneConflict(tx, ctx.tenant, values.phone, before.id);
        if (conflict) throw conflict;
      }
      const changes = changedFieldNames(before, values);
      if (Object.keys(changes).length === 0) return publicPatient(before);
      const [row] = await tx.update(patients).set(values).where(eq(patients.id, before.id)).returning();
      if (!row) throw notFound('Patient');
      await audit(ctx, { action: 'patient.update', entity: 'patient', entityId: row.id, changes }, tx);
      return publicPatient(row);
    });
  } catch (error) {
    throw await phoneRaceConflict(ctx, error, values.phone, input.id);
  }
}

async function setArchived(ctx: StaffContext, id: string, archived: boolean) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadPatient(tx, ctx, id, true);
    await requireLive(tx, before);
    const archivedAt = archived ? (before.archivedAt ?? new Date()) : null;
    const [row] = await tx.update(patients).set({ archivedAt }).where(eq(patients.id, id)).returning();
    if (!row) throw notFound('Patient');
    await audit(
      ctx,
      {
        action: archived ? 'patient.archive' : 'patient.restore',
        entity: 'patient',
        entityId: id,
        changes: { archivedAt: { from: before.archivedAt, to: archivedAt } },
      },
      tx,
    );
    return publicPatient(row);
  });
}

/** Archived patients leave lists and search but keep their history (and their phone). */
export const archivePatientHandler = ({ ctx, input }: { ctx: StaffContext; input: PatientIdInput }) =>
  setArchived(ctx, input.id, true);

export const restorePatientHandler = ({ ctx, input }: { ctx: StaffContext; input: PatientIdInput }) =>
  setArchived(ctx, input.id, false);
