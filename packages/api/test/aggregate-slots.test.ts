import type { PatientPrincipal } from '@carelane/auth';
import {
  appointmentTypes,
  availabilityRules,
  centres,
  clinicianAppointmentTypes,
  clinicianProfiles,
  type Database,
  staffCentres,
} from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addDailyHours,
  callerAs,
  createClinic,
  createPatient,
  createStaff,
  indiaTime,
  offerTypes,
  signedInPatient,
} from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let second: { id: string };
let dentist: { id: string };
let otherCentre: { id: string };

/** A listed clinician with a profile and daily hours `start`–`end` at `centreId`. */
async function clinicianWith(db: Database, centreId: string, specialisation: string, start: string, end: string) {
  const user = await createStaff(db, clinic.org.id, centreId, 'clinician');
  await db.insert(clinicianProfiles).values({
    staffUserId: user.id,
    organizationId: clinic.org.id,
    slug: `dr-${user.id.slice(0, 8)}`,
    specialisations: [specialisation],
    languages: ['English'],
    feeMinor: 50_000,
    currency: 'INR',
  });
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      organizationId: clinic.org.id,
      clinicianId: user.id,
      centreId,
      weekday,
      startTime: start,
      endTime: end,
      validFrom: '2020-01-01',
    })),
  );
  await offerTypes(db, clinic.org.id, [user.id], [clinic.type.id]);
  return user;
}

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  await addDailyHours(t.db, clinic); // General practice, 09:00–17:00 at Main
  await t.db
    .update(appointmentTypes)
    .set({ specialisation: 'General practice' })
    .where(eq(appointmentTypes.id, clinic.type.id));
  const [centre] = await t.db
    .insert(centres)
    .values({
      organizationId: clinic.org.id,
      name: 'North',
      addressLine: '2 Hill Rd',
      city: 'Pune',
      zone: 'Asia/Kolkata',
    })
    .returning();
  if (!centre) throw new Error('no centre');
  otherCentre = centre;
  second = await clinicianWith(t.db, otherCentre.id, 'General practice', '13:00', '19:00');
  await t.db
    .insert(staffCentres)
    .values({ organizationId: clinic.org.id, staffUserId: second.id, centreId: clinic.centre.id });
  dentist = await clinicianWith(t.db, clinic.centre.id, 'Dentistry', '09:00', '17:00');
});
afterAll(() => t.close());

const site = (principal: PatientPrincipal | { kind: 'anonymous' } = { kind: 'anonymous' }) =>
  callerAs(t.db, principal, { audience: 'patient', siteOrganizationId: clinic.org.id });
const at = (days: { slots: Array<{ start: number; clinicianIds: string[] }> }[], instant: Date) =>
  days.flatMap((d) => d.slots).find((s) => s.start === instant.getTime())?.clinicianIds;

describe('availability.aggregate', () => {
  it("lists each free time once with every clinician of the type's specialisation free then", async () => {
    const result = await site().availability.aggregate({ typeId: clinic.type.id, days: 4 });
    expect(result.specialisation).toBe('General practice');
    expect(result.clinicians.map((c) => c.id).sort()).toEqual([clinic.clinician.id, second.id].sort());
    expect(at(result.days, indiaTime(2, 10))).toEqual([clinic.clinician.id]);
    expect(at(result.days, indiaTime(2, 18))).toEqual([second.id]);
    expect(at(result.days, indiaTime(2, 14))?.sort()).toEqual([clinic.clinician.id, second.id].sort());
    const all = result.days.flatMap((d) => d.slots);
    expect(new Set(all.map((s) => s.start)).size).toBe(all.length);
    expect(all.flatMap((s) => s.clinicianIds)).not.toContain(dentist.id);
  });

  it('a booking takes its clinician out of that time, leaving the others', async () => {
    const start = indiaTime(3, 14);
    const patient = await createPatient(t.db, clinic.org.id);
    const principal = (await signedInPatient(t.db, patient.id)) as PatientPrincipal;
    await site(principal).portal.book({ clinicianId: second.id, typeId: clinic.type.id, startsAt: start });
    const result = await site().availability.aggregate({ typeId: clinic.type.id, days: 5 });
    expect(at(result.days, start)).toEqual([clinic.clinician.id]);
  });

  it('narrows to a centre: its clinicians, and only their hours there', async () => {
    const north = await site().availability.aggregate({ typeId: clinic.type.id, centreId: otherCentre.id, days: 3 });
    expect(north.clinicians.map((c) => c.id)).toEqual([second.id]);
    expect(at(north.days, indiaTime(2, 10))).toBeUndefined();
    expect(at(north.days, indiaTime(2, 18))).toEqual([second.id]);
  });

  it('another specialisation on request; unlisted clinicians and other tenants stay out', async () => {
    const dental = await site().availability.aggregate({
      typeId: clinic.type.id,
      specialisation: 'Dentistry',
      days: 2,
    });
    expect(dental.clinicians.map((c) => c.id)).toEqual([dentist.id]);
    // Only clinicians who offer the type are searched.
    await t.db.delete(clinicianAppointmentTypes).where(eq(clinicianAppointmentTypes.clinicianId, dentist.id));
    const none = await site().availability.aggregate({ typeId: clinic.type.id, specialisation: 'Dentistry', days: 2 });
    expect(none.clinicians).toEqual([]);
    await offerTypes(t.db, clinic.org.id, [dentist.id], [clinic.type.id]);

    await t.db.update(clinicianProfiles).set({ listed: false }).where(eq(clinicianProfiles.staffUserId, second.id));
    const listed = await site().availability.aggregate({ typeId: clinic.type.id, days: 2 });
    expect(listed.clinicians.map((c) => c.id)).toEqual([clinic.clinician.id]);
    await t.db.update(clinicianProfiles).set({ listed: true }).where(eq(clinicianProfiles.staffUserId, second.id));

    const other = await createClinic(t.db, 'Other Clinic');
    await expect(site().availability.aggregate({ typeId: other.type.id, days: 2 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      site().availability.aggregate({ typeId: clinic.type.id, centreId: other.centre.id, days: 2 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names the field on bad input', async () => {
    await expect(site().availability.aggregate({ typeId: 'nope', days: 2 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('typeId'),
    });
  });
});
