import type { PatientPrincipal } from '@carelane/auth';
import { localDate } from '@carelane/core';
import { appointments, appointmentTypes, auditLog } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signAction } from '../src/messaging/confirm-link';
import { addDailyHours, callerAs, createClinic, createPatient, indiaTime, SECRET, signedInPatient } from './fixtures';
import { insertVisit, staffOf } from './patient-fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let other: Awaited<ReturnType<typeof createClinic>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  other = await createClinic(t.db, 'Other Clinic');
  await addDailyHours(t.db, clinic);
});
afterAll(() => t.close());

const anonymous = { kind: 'anonymous' } as const;
const site = (c = clinic) => callerAs(t.db, anonymous, { audience: 'patient', siteOrganizationId: c.org.id });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const token = (appointmentId: string, action: 'confirm' | 'cancel', expiresAt = inDays(7)) =>
  signAction({ appointmentId, action, expiresAt }, SECRET);

async function patientOf(c = clinic) {
  const patient = await createPatient(t.db, c.org.id);
  return (await signedInPatient(t.db, patient.id)) as PatientPrincipal;
}
const slot = (startsAt: Date) => ({ clinicianId: clinic.clinician.id, typeId: clinic.type.id, startsAt });

describe('reminder links', () => {
  it('show: the visit as the page shows it, and reading changes nothing', async () => {
    const visit = await insertVisit(t.db, clinic, clinic.patient.id, 3, 'confirmed');
    const shown = await site().confirmations.show({ token: token(visit.id, 'confirm') });
    expect(shown).toMatchObject({
      state: 'open',
      action: 'confirm',
      appointment: {
        clinicianName: clinic.clinician.name,
        centreName: 'Main',
        centreAddress: '1 MG Road, Bengaluru',
        startsAt: visit.startsAt,
        zone: 'Asia/Kolkata',
        status: 'confirmed',
        patientConfirmedAt: null,
        patientFirstName: 'Test',
      },
    });
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, visit.id));
    expect(row?.patientConfirmedAt).toBeNull();
  });

  it('confirm sets the confirmation once; a second confirm changes nothing and says so', async () => {
    const visit = await insertVisit(t.db, clinic, clinic.patient.id, 4, 'confirmed');
    const link = token(visit.id, 'confirm');
    const first = await site().confirmations.respond({ token: link });
    expect(first.outcome).toBe('confirmed');
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, visit.id));
    expect(row?.patientConfirmedVia).toBe('link');
    expect(row?.patientConfirmedAt).toBeInstanceOf(Date);
    const second = await site().confirmations.respond({ token: link });
    expect(second).toMatchObject({ outcome: 'already_confirmed', message: expect.stringMatching(/already confirmed/) });
    const [again] = await t.db.select().from(appointments).where(eq(appointments.id, visit.id));
    expect(again?.patientConfirmedAt).toEqual(row?.patientConfirmedAt);
    const desk = await staffOf(t.db, clinic, 'front_desk');
    const day = await callerAs(t.db, desk).calendar.view({
      centreId: clinic.centre.id,
      date: localDate(visit.startsAt, 'Asia/Kolkata'),
    });
    const onCalendar = day.columns.flatMap((c) => c.appointments).find((a) => a.id === visit.id);
    expect(onCalendar).toMatchObject({ patientConfirmedVia: 'link', patientConfirmedAt: row?.patientConfirmedAt });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, visit.id), eq(auditLog.action, 'appointment.patient_confirm')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorKind: 'patient',
      actorId: clinic.patient.id,
      organizationId: clinic.org.id,
    });
  });

  it('cancel frees the slot: another patient books the same time', async () => {
    const me = await patientOf();
    // Beyond every insertVisit fixture (at most 8 days ahead), so nothing else holds this time.
    const start = indiaTime(12, 11);
    const booked = await callerAs(t.db, me, { audience: 'patient', siteOrganizationId: clinic.org.id }).portal.book(
      slot(start),
    );
    const result = await site().confirmations.respond({ token: token(booked.id, 'cancel') });
    expect(result).toMatchObject({ outcome: 'cancelled', lateCancellation: false });
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(row?.status).toBe('cancelled');
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, booked.id), eq(auditLog.action, 'appointment.cancel')));
    expect(entries[0]).toMatchObject({ actorKind: 'patient', actorId: me.patientId });
    const someoneElse = await patientOf();
    await expect(
      callerAs(t.db, someoneElse, { audience: 'patient', siteOrganizationId: clinic.org.id }).portal.book(slot(start)),
    ).resolves.toMatchObject({ startsAt: start });
  });

  it('a tampered or malformed link is NOT_FOUND; an expired one is a state, and cannot act', async () => {
    const visit = await insertVisit(t.db, clinic, clinic.patient.id, 6, 'confirmed');
    const good = token(visit.id, 'confirm');
    const tampered = `${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`;
    for (const bad of [tampered, 'not-a-token']) {
      await expect(site().confirmations.show({ token: bad })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'This link is not valid.',
      });
      await expect(site().confirmations.respond({ token: bad })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const expired = token(visit.id, 'confirm', new Date(Date.now() - 1000));
    await expect(site().confirmations.show({ token: expired })).resolves.toEqual({ state: 'expired' });
    await expect(site().confirmations.respond({ token: expired })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/expired/),
    });
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, visit.id));
    expect(row?.patientConfirmedAt).toBeNull();
  });

  it('a visit already cancelled, completed or past is a CONFLICT a patient understands', async () => {
    const cancelled = await insertVisit(t.db, clinic, clinic.patient.id, 7, 'cancelled');
    await expect(site().confirmations.respond({ token: token(cancelled.id, 'confirm') })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This visit has already been cancelled.',
    });
    await expect(site().confirmations.respond({ token: token(cancelled.id, 'cancel') })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const done = await insertVisit(t.db, clinic, clinic.patient.id, -2, 'completed');
    await expect(site().confirmations.respond({ token: token(done.id, 'confirm') })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This visit has already taken place.',
    });
    const past = await insertVisit(t.db, clinic, clinic.patient.id, -3, 'confirmed');
    await expect(site().confirmations.respond({ token: token(past.id, 'cancel') })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/has passed/),
    });
  });

  it("the type's late-cancellation policy: refuse is a CONFLICT with its sentence, flag marks it late", async () => {
    await t.db
      .update(appointmentTypes)
      .set({ lateCancellationHours: 48, lateCancellationPolicy: 'refuse' })
      .where(eq(appointmentTypes.id, clinic.type.id));
    const soon = await insertVisit(t.db, clinic, clinic.patient.id, 1, 'confirmed');
    await expect(site().confirmations.respond({ token: token(soon.id, 'cancel') })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/call the clinic/),
    });
    const [kept] = await t.db.select().from(appointments).where(eq(appointments.id, soon.id));
    expect(kept?.status).toBe('confirmed');
    await t.db
      .update(appointmentTypes)
      .set({ lateCancellationPolicy: 'flag' })
      .where(eq(appointmentTypes.id, clinic.type.id));
    await expect(site().confirmations.respond({ token: token(soon.id, 'cancel') })).resolves.toMatchObject({
      outcome: 'cancelled',
      lateCancellation: true,
    });
    await t.db
      .update(appointmentTypes)
      .set({ lateCancellationHours: 24, lateCancellationPolicy: 'flag' })
      .where(eq(appointmentTypes.id, clinic.type.id));
  });

  it("another organization's visit is NOT_FOUND on this booking site", async () => {
    const theirs = await insertVisit(t.db, other, other.patient.id, 3, 'confirmed');
    await expect(site().confirmations.show({ token: token(theirs.id, 'confirm') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(site().confirmations.respond({ token: token(theirs.id, 'cancel') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, theirs.id));
    expect(row?.status).toBe('confirmed');
    await expect(site(other).confirmations.show({ token: token(theirs.id, 'confirm') })).resolves.toMatchObject({
      state: 'open',
    });
  });
});
