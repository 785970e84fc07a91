import type { PatientPrincipal } from '@carelane/auth';
import { appointments, appointmentTypes, auditLog, clinicianAppointmentTypes, clinicianProfiles } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addDailyHours,
  callerAs,
  createClinic,
  createPatient,
  createStaff,
  indiaTime,
  signedInPatient,
  signedInStaff,
} from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let other: Awaited<ReturnType<typeof createClinic>>;
/** A type the clinic's clinician does not offer. */
let dental: { id: string; name: string };

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  other = await createClinic(t.db, 'Other Clinic');
  await addDailyHours(t.db, clinic);
  const [type] = await t.db
    .insert(appointmentTypes)
    .values({
      organizationId: clinic.org.id,
      name: 'Dental check-up',
      specialisation: 'Dentistry',
      durationMinutes: 30,
      priceMinor: 40_000,
      currency: 'INR',
      colour: '#0f766e',
    })
    .returning();
  if (!type) throw new Error('no type');
  dental = type;
});
afterAll(() => t.close());

const staff = async (role: 'admin' | 'manager' | 'front_desk' | 'clinician', of = clinic) => {
  const user = await createStaff(t.db, of.org.id, of.centre.id, role);
  return callerAs(t.db, (await signedInStaff(t.db, user.id)).principal);
};
const site = (principal: PatientPrincipal | { kind: 'anonymous' } = { kind: 'anonymous' }) =>
  callerAs(t.db, principal, { audience: 'patient', siteOrganizationId: clinic.org.id });
const clinicianName = () => clinic.clinician.name;

describe('a type the clinician does not offer', () => {
  it('is refused on the desk (single, recurring) with a field error, and nothing is booked', async () => {
    const desk = await staff('front_desk');
    const booking = {
      centreId: clinic.centre.id,
      clinicianId: clinic.clinician.id,
      patientId: clinic.patient.id,
      typeId: dental.id,
      startsAt: indiaTime(2, 10),
      overbook: false,
    };
    const refusal = {
      code: 'BAD_REQUEST',
      message: `${clinicianName()} does not offer Dental check-up.`,
    };
    await expect(desk.appointments.create(booking)).rejects.toMatchObject(refusal);
    await expect(
      desk.appointments.createRecurring({ ...booking, everyWeeks: 1, count: 3, action: 'book' }),
    ).rejects.toMatchObject(refusal);
    const rows = await t.db.select().from(appointments).where(eq(appointments.typeId, dental.id));
    expect(rows).toHaveLength(0);
    // Staff free times say the same instead of showing times that cannot be booked.
    await expect(
      desk.availability.slots({ clinicianId: clinic.clinician.id, typeId: dental.id, days: 2 }),
    ).rejects.toMatchObject(refusal);
  });

  it('is refused on the booking site and not shown on the clinician page', async () => {
    const patient = (await signedInPatient(t.db, (await createPatient(t.db, clinic.org.id)).id)) as PatientPrincipal;
    await expect(
      site(patient).portal.book({ clinicianId: clinic.clinician.id, typeId: dental.id, startsAt: indiaTime(3, 10) }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      site().availability.slots({ clinicianId: clinic.clinician.id, typeId: dental.id, days: 2 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const [profile] = await t.db
      .select({ slug: clinicianProfiles.slug })
      .from(clinicianProfiles)
      .where(eq(clinicianProfiles.staffUserId, clinic.clinician.id));
    const page = await site().clinicians.profile({ slug: profile?.slug ?? '' });
    expect(page.types.map((x) => x.id)).toEqual([clinic.type.id]);
    // The directory's "first free" types list only what someone listed offers.
    const directory = await site().clinicians.directory({});
    expect(directory.types.map((x) => x.id)).toEqual([clinic.type.id]);
  });

  it('moving a visit to a clinician who does not offer its type is refused', async () => {
    const desk = await staff('front_desk');
    const colleague = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'clinician');
    const booked = await desk.appointments.create({
      centreId: clinic.centre.id,
      clinicianId: clinic.clinician.id,
      patientId: clinic.patient.id,
      typeId: clinic.type.id,
      startsAt: indiaTime(4, 11),
      overbook: false,
    });
    await expect(
      desk.appointments.reschedule({ id: booked.id, startsAt: indiaTime(4, 12), clinicianId: colleague.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: `${colleague.name} does not offer Consultation.` });
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(row?.clinicianId).toBe(clinic.clinician.id);
  });
});

describe('who offers a type', () => {
  it("the booking dialog's types say who offers each", async () => {
    const list = await (await staff('front_desk')).appointmentTypes.list();
    const byId = new Map(list.map((x) => [x.id, x.offeredBy]));
    expect(byId.get(clinic.type.id)).toEqual([clinic.clinician.id]);
    expect(byId.get(dental.id)).toEqual([]);
  });

  it('a new type with nobody chosen is offered by the clinicians of its specialisation (all when none)', async () => {
    const manager = await staff('manager');
    const values = { durationMinutes: 30, priceMinor: 0, colour: '#2563eb' };
    const general = await manager.appointmentTypes.create({ ...values, name: 'Follow-up' });
    const therapy = await manager.appointmentTypes.create({
      ...values,
      name: 'Therapy',
      specialisation: 'Psychotherapy',
    });
    const offerers = async (typeId: string) =>
      (
        await t.db
          .select({ id: clinicianAppointmentTypes.clinicianId })
          .from(clinicianAppointmentTypes)
          .where(eq(clinicianAppointmentTypes.typeId, typeId))
      ).map((r) => r.id);
    expect(await offerers(general.id)).toContain(clinic.clinician.id);
    expect(await offerers(therapy.id)).toEqual([]);

    // Chosen explicitly, on create and on update; audited.
    const chosen = await manager.appointmentTypes.create({
      ...values,
      name: 'Extraction',
      offeredBy: [clinic.clinician.id],
    });
    expect(await offerers(chosen.id)).toEqual([clinic.clinician.id]);
    await manager.appointmentTypes.update({
      id: therapy.id,
      values: { ...values, name: 'Therapy', specialisation: 'Psychotherapy' },
      offeredBy: [clinic.clinician.id],
    });
    expect(await offerers(therapy.id)).toEqual([clinic.clinician.id]);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, therapy.id), eq(auditLog.action, 'appointment_type.update')));
    expect(entry?.changes).toMatchObject({ offeredBy: { from: [], to: [clinic.clinician.id] } });
  });

  it("another organization's clinician is NOT_FOUND and changes nothing; front desk is FORBIDDEN", async () => {
    const manager = await staff('manager');
    const before = await manager.appointmentTypes.all();
    const values = { name: 'Sneaky', durationMinutes: 30, priceMinor: 0, colour: '#2563eb' };
    await expect(manager.appointmentTypes.create({ ...values, offeredBy: [other.clinician.id] })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    await expect(
      manager.appointmentTypes.update({ id: clinic.type.id, values, offeredBy: [other.clinician.id] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await manager.appointmentTypes.all()).toEqual(before);
    await expect(manager.appointmentTypes.create({ ...values, offeredBy: ['not-an-id'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect((await staff('front_desk')).appointmentTypes.create(values)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
