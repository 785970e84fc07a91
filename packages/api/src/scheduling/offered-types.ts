import { clinicianAppointmentTypes, clinicianProfiles, type DbOrTx, staffUsers } from '@carelane/db';
import { eq, inArray } from 'drizzle-orm';
import { fieldError } from '../field-error';
import type { Tenant } from '../tenancy';

/**
 * The appointment types a clinician offers (clinician_appointment_types) decide what can be booked
 * with whom, on the desk and online: a psychologist is never booked for a dental check-up.
 */

/** The sentence every refusal uses, on the type field of the form that asked. */
export function notOffered(clinicianName: string, typeName: string) {
  return fieldError('typeId', `${clinicianName} does not offer ${typeName}.`);
}

export async function offersType(db: DbOrTx, tenant: Tenant, clinicianId: string, typeId: string) {
  const [row] = await db
    .select({ typeId: clinicianAppointmentTypes.typeId })
    .from(clinicianAppointmentTypes)
    .where(
      tenant.where(
        clinicianAppointmentTypes,
        eq(clinicianAppointmentTypes.clinicianId, clinicianId),
        eq(clinicianAppointmentTypes.typeId, typeId),
      ),
    );
  return Boolean(row);
}

/** BAD_REQUEST on `typeId` ("Dr. Meera Krishnan does not offer Dental check-up.") unless offered. */
export async function requireOffered(
  db: DbOrTx,
  tenant: Tenant,
  clinician: { id: string; name: string },
  type: { id: string; name: string },
) {
  if (!(await offersType(db, tenant, clinician.id, type.id))) throw notOffered(clinician.name, type.name);
}

/**
 * Who offers a new type when staff chose nobody: the clinicians with its specialisation, or every
 * clinician when it has none (the rule migration 0036 backfilled from).
 */
export async function defaultOfferers(db: DbOrTx, tenant: Tenant, specialisation: string | null) {
  const rows = await db
    .select({ id: staffUsers.id, specialisations: clinicianProfiles.specialisations })
    .from(staffUsers)
    .leftJoin(clinicianProfiles, eq(clinicianProfiles.staffUserId, staffUsers.id))
    .where(tenant.where(staffUsers, eq(staffUsers.role, 'clinician')));
  return rows.filter((r) => !specialisation || (r.specialisations ?? []).includes(specialisation)).map((r) => r.id);
}

/** Sets who offers `typeId` to exactly `clinicianIds` (already checked to be the tenant's clinicians). */
export async function setOfferers(db: DbOrTx, tenant: Tenant, typeId: string, clinicianIds: string[]) {
  await db
    .delete(clinicianAppointmentTypes)
    .where(tenant.where(clinicianAppointmentTypes, eq(clinicianAppointmentTypes.typeId, typeId)));
  if (clinicianIds.length) {
    await db
      .insert(clinicianAppointmentTypes)
      .values(clinicianIds.map((clinicianId) => tenant.row({ clinicianId, typeId })))
      .onConflictDoNothing();
  }
}

/** Sets what `clinicianId` offers to exactly `typeIds` (already checked to be the tenant's types). */
export async function setOfferedTypes(db: DbOrTx, tenant: Tenant, clinicianId: string, typeIds: string[]) {
  await db
    .delete(clinicianAppointmentTypes)
    .where(tenant.where(clinicianAppointmentTypes, eq(clinicianAppointmentTypes.clinicianId, clinicianId)));
  if (typeIds.length) {
    await db
      .insert(clinicianAppointmentTypes)
      .values(typeIds.map((typeId) => tenant.row({ clinicianId, typeId })))
      .onConflictDoNothing();
  }
}

/** The ids among `ids` that are clinicians of the tenant (any other id is NOT_FOUND for the caller). */
export async function cliniciansAmong(db: DbOrTx, tenant: Tenant, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(tenant.where(staffUsers, inArray(staffUsers.id, ids), eq(staffUsers.role, 'clinician')));
  return rows.map((r) => r.id);
}

/** The clinicians who offer `typeId`. */
export async function offerersOf(db: DbOrTx, tenant: Tenant, typeId: string) {
  const rows = await db
    .select({ id: clinicianAppointmentTypes.clinicianId })
    .from(clinicianAppointmentTypes)
    .where(tenant.where(clinicianAppointmentTypes, eq(clinicianAppointmentTypes.typeId, typeId)));
  return rows.map((r) => r.id);
}
