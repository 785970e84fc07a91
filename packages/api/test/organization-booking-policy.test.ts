import type { PatientPrincipal } from '@carelane/auth';
import { localDate, type OnlineBookingPolicy } from '@carelane/core';
import { appointments, organizations, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addDailyHours,
  callerAs,
  createClinic,
  indiaTime,
  lastCodeSentTo,
  nextPhone,
  offerTypes,
  signedInPatient,
} from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let patient: PatientPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db, 'Policy Clinic');
  await addDailyHours(t.db, clinic);
  await offerTypes(t.db, clinic.org.id, [clinic.clinician.id], [clinic.type.id]);
  await t.db.update(organizations).set({ phone: '+912226401234' }).where(eq(organizations.id, clinic.org.id));
  patient = (await signedInPatient(t.db, clinic.patient.id)) as PatientPrincipal;
});
afterAll(() => t.close());

const site = (principal: PatientPrincipal | { kind: 'anonymous' } = { kind: 'anonymous' }) =>
  callerAs(t.db, principal, { audience: 'patient', siteOrganizationId: clinic.org.id });
const setPolicy = (onlineBooking: OnlineBookingPolicy) =>
  t.db.update(organizations).set({ onlineBooking }).where(eq(organizations.id, clinic.org.id));
const slot = (startsAt: Date) => ({ clinicianId: clinic.clinician.id, typeId: clinic.type.id, startsAt });
const OFF = 'Online booking is not available at Policy Clinic. Please call the clinic on +91 22 2640 1234 to book.';
const EXISTING_ONLY =
  'Policy Clinic takes online bookings only from patients already registered with the clinic. Please call the clinic on +91 22 2640 1234 to register.';
const details = {
  firstName: 'Asha',
  lastName: 'Verma',
  email: 'asha@example.com',
  birthDate: '1991-04-12',
  consentSms: true,
  consentWhatsapp: false,
};

/** A new number asks for a code and types it in, as the booking site's browser does. */
async function proofFor(phone: string) {
  await site().auth.requestCode({ phone });
  return site().auth.verifyCode({ phone, code: await lastCodeSentTo(t.db, phone) });
}
const visitsOf = (patientId: string) =>
  t.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.patientId, patientId), eq(appointments.status, 'confirmed')));

describe('who may book online', () => {
  it('anyone: the site says so, new patients register and patients book', async () => {
    await setPolicy('anyone');
    expect(await site().organization.bookingSite()).toMatchObject({
      name: 'Policy Clinic',
      phone: '+91 22 2640 1234',
      onlineBooking: 'anyone',
      bookingOffMessage: null,
      newPatientsMessage: null,
    });
    const phone = nextPhone();
    const { proof } = await proofFor(phone);
    await expect(site().auth.register({ proof, ...details })).resolves.toMatchObject({
      patientId: expect.any(String),
    });
    await expect(site(patient).portal.book(slot(indiaTime(3, 10)))).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('existing patients: a new number cannot register, with a sentence to call; a patient still books', async () => {
    await setPolicy('existing_patients');
    expect(await site().organization.bookingSite()).toMatchObject({
      onlineBooking: 'existing_patients',
      bookingOffMessage: null,
      newPatientsMessage: EXISTING_ONLY,
    });
    const phone = nextPhone();
    const { proof } = await proofFor(phone);
    await expect(site().auth.register({ proof, ...details })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: EXISTING_ONLY,
    });
    expect(await t.db.select().from(patients).where(eq(patients.phone, phone))).toHaveLength(0);
    await expect(site(patient).portal.book(slot(indiaTime(3, 11)))).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('off: the site says so with the phone; booking, holding, rescheduling, wishes and registering are refused', async () => {
    const existing = await site(patient).portal.book(slot(indiaTime(4, 10)));
    await setPolicy('off');
    expect(await site().organization.bookingSite()).toMatchObject({ onlineBooking: 'off', bookingOffMessage: OFF });
    const before = await visitsOf(clinic.patient.id);
    const me = site(patient);
    for (const run of [
      () => me.portal.book(slot(indiaTime(3, 12))),
      () => me.portal.hold(slot(indiaTime(3, 12))),
      () => me.portal.reschedule({ appointmentId: existing.id, startsAt: indiaTime(4, 12) }),
      () =>
        me.waitlist.join({
          clinicianId: clinic.clinician.id,
          typeId: clinic.type.id,
          fromDate: localDate(indiaTime(3, 12), 'Asia/Kolkata'),
          toDate: localDate(indiaTime(9, 12), 'Asia/Kolkata'),
        }),
    ]) {
      await expect(run()).rejects.toMatchObject({ code: 'FORBIDDEN', message: OFF });
    }
    expect(await visitsOf(clinic.patient.id)).toEqual(before);
    const { proof } = await proofFor(nextPhone());
    await expect(site().auth.register({ proof, ...details })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: OFF,
    });
    // Cancelling one's own visit is still possible.
    await expect(me.portal.cancel({ appointmentId: existing.id })).resolves.toBeDefined();
    await setPolicy('anyone');
  });

  it('is answered only on a booking site', async () => {
    await expect(callerAs(t.db, { kind: 'anonymous' }).organization.bookingSite()).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
