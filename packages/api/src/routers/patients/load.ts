import { fullName } from '@carelane/core';
import { type AuditChanges, type DbOrTx, patients, pgErrorInfo } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, isNull, ne } from 'drizzle-orm';
import { conflictWith, notFound } from '../../errors';
import { type Tenant, tenantOf } from '../../tenancy';
import type { StaffContext } from '../../trpc';

export type PatientRow = typeof patients.$inferSelect;

/** A patient of the caller's organization, locked for the transaction when asked; else NOT_FOUND. */
export async function loadPatient(tx: DbOrTx, ctx: StaffContext, id: string, lock = false): Promise<PatientRow> {
  const query = tx
    .select()
    .from(patients)
    .where(ctx.tenant.where(patients, eq(patients.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Patient');
  return row;
}

/** A merged record is history: changes go to the record it was merged into. */
export async function requireLive(tx: DbOrTx, patient: PatientRow): Promise<void> {
  if (!patient.mergedIntoId) return;
  const [survivor] = await tx
    .select({ id: patients.id, firstName: patients.firstName, lastName: patients.lastName, mrn: patients.mrn })
    .from(patients)
    .where(tenantOf(patient.organizationId).where(patients, eq(patients.id, patient.mergedIntoId)));
  const message = (into: string) =>
    `This record was merged into ${into} and can no longer be changed. Please open that record instead.`;
  if (!survivor) throw new TRPCError({ code: 'CONFLICT', message: message('another record') });
  const name = fullName(survivor);
  throw conflictWith(message(`${name} (${survivor.mrn})`), {
    kind: 'patient',
    id: survivor.id,
    name,
    mrn: survivor.mrn,
  });
}

/**
 * CONFLICT naming the live patient who already has this phone, or nothing. Checked before
 * writing for a clear answer; the unique index settles races (see phoneRaceConflict).
 */
export async function phoneConflict(
  db: DbOrTx,
  tenant: Tenant,
  phone: string,
  exceptId?: string,
): Promise<TRPCError | null> {
  const [other] = await db
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      mrn: patients.mrn,
      archivedAt: patients.archivedAt,
    })
    .from(patients)
    .where(
      tenant.where(
        patients,
        eq(patients.phone, phone),
        isNull(patients.mergedIntoId),
        exceptId ? ne(patients.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (!other) return null;
  const name = fullName(other);
  return conflictWith(
    // An archived record still holds its number; saying so saves a search that finds nothing.
    `Another patient already has this number: ${name} (${other.mrn}${other.archivedAt ? ', archived' : ''}).`,
    { kind: 'patient', id: other.id, name, mrn: other.mrn },
  );
}

/** When the unique index refused a phone (two saves raced), name the patient who won. */
export async function phoneRaceConflict(
  ctx: StaffContext,
  error: unknown,
  phone: string | null | undefined,
  exceptId?: string,
): Promise<unknown> {
  if (!phone || pgErrorInfo(error)?.constraint !== 'patients_org_phone_key') return error;
  return (await phoneConflict(ctx.db, ctx.tenant, phone, exceptId)) ?? error;
}

/** The record as the API shows it: the tenant column stays inside. */
export function publicPatient(row: PatientRow) {
  const { organizationId: _org, ...patient } = row;
  return patient;
}

/** Field names only: audit entries of patient records carry no personal values. */
export function changedFieldNames(before: Record<string, unknown>, after: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && JSON.stringify(before[key] ?? null) !== JSON.stringify(value)) changes[key] = {};
  }
  return changes;
}
