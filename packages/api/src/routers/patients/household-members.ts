import { fullName } from '@carelane/core';
import { type DbOrTx, households, patients } from '@carelane/db';
import { asc, eq, ne } from 'drizzle-orm';
import type { Tenant } from '../../tenancy';

/** The members of a household as a patient's page lists them, leaving out `exceptId` when given. */
export async function householdMembers(db: DbOrTx, tenant: Tenant, householdId: string, exceptId?: string) {
  const rows = await db
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      mrn: patients.mrn,
      phone: patients.phone,
      relationship: patients.householdRelationship,
    })
    .from(patients)
    .where(
      tenant.where(patients, eq(patients.householdId, householdId), exceptId ? ne(patients.id, exceptId) : undefined),
    )
    .orderBy(asc(patients.firstName));
  return rows.map((m) => ({ id: m.id, name: fullName(m), mrn: m.mrn, phone: m.phone, relationship: m.relationship }));
}

/** Takes a patient out of their household; a household left with one member is dissolved. */
export async function leaveHousehold(tx: DbOrTx, tenant: Tenant, patientId: string, householdId: string) {
  const leave = { householdId: null, householdRelationship: null };
  await tx.update(patients).set(leave).where(eq(patients.id, patientId));
  const left = await householdMembers(tx, tenant, householdId);
  if (left.length <= 1) {
    await tx.update(patients).set(leave).where(eq(patients.householdId, householdId));
    await tx.delete(households).where(eq(households.id, householdId));
  }
}
