import { type DbOrTx, patients } from '@carelane/db';
import { and, asc, eq, ne } from 'drizzle-orm';
import { fullName } from './load';

/** The members of a household as a patient's page lists them, leaving out `exceptId` when given. */
export async function householdMembers(db: DbOrTx, organizationId: string, householdId: string, exceptId?: string) {
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
      and(
        eq(patients.organizationId, organizationId),
        eq(patients.householdId, householdId),
        exceptId ? ne(patients.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(patients.firstName));
  return rows.map((m) => ({ id: m.id, name: fullName(m), mrn: m.mrn, phone: m.phone, relationship: m.relationship }));
}
