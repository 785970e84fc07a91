import type { StaffPrincipal } from '@carelane/auth';
import { appointments, notifications, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, asc, eq } from 'drizzle-orm';
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
let frontDesk: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  await addDailyHours(t.db, clinic);
  const desk = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
  frontDesk = (await signedInStaff(t.db, desk.id)).principal as StaffPrincipal;
});
afterAll(() => t.close());

function book(startsAt: Date, patientId = clinic.patient.id) {
  return callerAs(t.db, frontDesk).appointments.create({
    centreId: clinic.centre.id,
    clinicianId: clinic.clinician.id,
    patientId,
    typeId: clinic.type.id,
    startsAt,
  });
}

function messagesOf(appointmentId: string) {
  return t.db
    .select()
    .from(notifications)
    .where(eq(notifications.appointmentId, appointmentId))
    .orderBy(asc(notifications.sendAt), asc(notifications.kind));
}

const HOUR = 3_600_000;

describe('messages written with a booking', () => {
  it('writes the confirmation and plans the reminders in the booking transaction', async () => {
    const startsAt = indiaTime(3, 11);
    const visit = await book(startsAt);
    const rows = await messagesOf(visit.id);
    const [saved] = await t.db.select().from(appointments).where(eq(appointments.id, visit.id));
    expect(rows.map((r) => r.kind)).toEqual(['booking_confirmation', 'reminder', 'reminder']);
    // now() is the transaction's start: the same instant on the visit and on every message.
    for (const row of rows) expect(row.createdAt.getTime()).toBe(saved?.createdAt.getTime());
    const reminders = rows.filter((r) => r.kind === 'reminder');
    // The default schedule: the day before at the same local time, and 2 hours before.
    expect(reminders.map((r) => startsAt.getTime() - r.sendAt.getTime())).toEqual([24 * HOUR, 2 * HOUR]);
    // The patient agreed to SMS only: the organization's order (WhatsApp, SMS, email) leaves SMS.
    expect(rows.every((r) => r.channel === 'sms' && r.recipient === clinic.patient.phone)).toBe(true);
    expect(rows.every((r) => r.status === 'pending' && r.fallback.length === 0)).toBe(true);
  });

  it('a refused booking writes no message', async () => {
    const startsAt = indiaTime(3, 14);
    await book(startsAt);
    const before = await t.db.select().from(notifications);
    await expect(book(startsAt)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await t.db.select().from(notifications)).toHaveLength(before.length);
  });

  it('moving the visit stops the old reminders and plans new ones for the new time, with a notice', async () => {
    const first = indiaTime(4, 10);
    const visit = await book(first);
    const moved = indiaTime(5, 15);
    await callerAs(t.db, frontDesk).appointments.reschedule({ id: visit.id, startsAt: moved });
    const rows = await messagesOf(visit.id);
    const old = rows.filter((r) => r.kind === 'reminder' && r.status === 'cancelled');
    expect(old.map((r) => first.getTime() - r.sendAt.getTime())).toEqual([24 * HOUR, 2 * HOUR]);
    expect(old.every((r) => r.error?.includes('moved'))).toBe(true);
    const fresh = rows.filter((r) => r.kind === 'reminder' && r.status === 'pending');
    expect(fresh.map((r) => moved.getTime() - r.sendAt.getTime())).toEqual([24 * HOUR, 2 * HOUR]);
    const notice = rows.find((r) => r.kind === 'reschedule_notice');
    expect(notice?.payload).toEqual({ previousStartsAt: first.toISOString() });
  });

  it('cancelling drops every reminder not yet sent and tells the patient', async () => {
    const visit = await book(indiaTime(6, 12));
    await callerAs(t.db, frontDesk).appointments.cancel({ id: visit.id, reason: 'Clinician unwell' });
    const rows = await messagesOf(visit.id);
    expect(rows.filter((r) => r.kind === 'reminder').map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(rows.find((r) => r.kind === 'booking_confirmation')?.status).toBe('cancelled');
    expect(rows.find((r) => r.kind === 'cancellation_notice')?.status).toBe('pending');
  });

  it('sends nothing to a patient who agreed to no channel, and uses the only channel agreed to', async () => {
    const silent = await createPatient(t.db, clinic.org.id);
    await t.db.update(patients).set({ consentSms: false }).where(eq(patients.id, silent.id));
    const visit = await book(indiaTime(7, 10), silent.id);
    expect(await messagesOf(visit.id)).toHaveLength(0);

    const emailOnly = await createPatient(t.db, clinic.org.id);
    await t.db
      .update(patients)
      .set({ consentSms: false, consentEmail: true, email: 'only-email@test.example' })
      .where(eq(patients.id, emailOnly.id));
    const other = await book(indiaTime(7, 12), emailOnly.id);
    const rows = await messagesOf(other.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.channel === 'email' && r.recipient === 'only-email@test.example')).toBe(true);
  });

  it('falls back through every channel the patient agreed to, in the organization order', async () => {
    const all = await createPatient(t.db, clinic.org.id);
    await t.db
      .update(patients)
      .set({ consentWhatsapp: true, consentEmail: true, email: 'all@test.example' })
      .where(eq(patients.id, all.id));
    const visit = await book(indiaTime(8, 10), all.id);
    const [confirmation] = (await messagesOf(visit.id)).filter((r) => r.kind === 'booking_confirmation');
    expect(confirmation?.channel).toBe('whatsapp');
    expect(confirmation?.fallback).toEqual([
      { channel: 'sms', recipient: all.phone },
      { channel: 'email', recipient: 'all@test.example' },
    ]);
  });

  it('an online booking also tells the clinician; the patient cancelling online too', async () => {
    const patient = await signedInPatient(t.db, clinic.patient.id);
    const caller = callerAs(t.db, patient, { audience: 'patient', siteOrganizationId: clinic.org.id });
    const booked = await caller.portal.book({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      startsAt: indiaTime(9, 10),
    });
    await caller.portal.cancel({ appointmentId: booked.id });
    const notices = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.appointmentId, booked.id), eq(notifications.kind, 'staff_booking_notice')))
      .orderBy(asc(notifications.createdAt));
    expect(notices.map((n) => [n.channel, n.recipient, n.staffUserId, n.payload.change])).toEqual([
      ['email', clinic.clinician.email, clinic.clinician.id, 'booked'],
      ['email', clinic.clinician.email, clinic.clinician.id, 'cancelled'],
    ]);
  });
});
