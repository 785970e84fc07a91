import type { StaffPrincipal } from '@carelane/auth';
import type { AppointmentStatus, StaffRole } from '@carelane/core';
import { appointments, type Database } from '@carelane/db';
import type { createClinic } from './fixtures';
import { createStaff, signedInStaff } from './fixtures';

type Clinic = Awaited<ReturnType<typeof createClinic>>;

/** A signed-in staff member of the clinic in the given role. */
export async function staffOf(db: Database, clinic: Clinic, role: StaffRole): Promise<StaffPrincipal> {
  const user = await createStaff(db, clinic.org.id, clinic.centre.id, role);
  return (await signedInStaff(db, user.id)).principal as StaffPrincipal;
}

let slot = 0;
/**
 * A visit written straight to the table, each at its own half hour `daysFromNow` days away (so
 * the no-overlap constraint never trips between fixtures).
 */
export async function insertVisit(
  db: Database,
  clinic: Clinic,
  patientId: string,
  daysFromNow: number,
  status: AppointmentStatus = 'completed',
) {
  const start = Math.floor((Date.now() + daysFromNow * 86_400_000) / 3_600_000) * 3_600_000 + (slot++ % 48) * 1_800_000;
  const [visit] = await db
    .insert(appointments)
    .values({
      organizationId: clinic.org.id,
      centreId: clinic.centre.id,
      clinicianId: clinic.clinician.id,
      patientId,
      typeId: clinic.type.id,
      startsAt: new Date(start),
      endsAt: new Date(start + 1_800_000),
      status,
      source: 'dashboard',
      feeMinor: 50_000,
      currency: 'INR',
    })
    .returning();
  if (!visit) throw new Error('no visit');
  return visit;
}
