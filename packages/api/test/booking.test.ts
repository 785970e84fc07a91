import type { PatientPrincipal } from '@carelane/auth';
import { formatLocalTime, localDate } from '@carelane/core';
import { appointments, appointmentTypes, availabilityRules } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addDailyHours,
  callerAs,
  createClinic,
  createPatient,
  indiaTime,
  offerTypes,
  signedInPatient,
} from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  await addDailyHours(t.db, clinic);
  // 30-minute type offered every 5 minutes.
  await t.db.update(appointmentTypes).set({ slotIntervalMinutes: 5 }).where(eq(appointmentTypes.id, clinic.type.id));
});
afterAll(() => t.close());

async function newPatient() {
  const patient = await createPatient(t.db, clinic.org.id);
  return (await signedInPatient(t.db, patient.id)) as PatientPrincipal;
}
const site = (principal: PatientPrincipal | { kind: 'anonymous' }) =>
  callerAs(t.db, principal, { audience: 'patient', siteOrganizationId: clinic.org.id });
const slot = (startsAt: Date) => ({ clinicianId: clinic.clinician.id, typeId: clinic.type.id, startsAt });

describe('patient booking', () => {
  it('offers slots inside working hours, grouped by local date, to anyone', async () => {
    const result = await site({ kind: 'anonymous' }).availability.slots({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      days: 3,
    });
    expect(result.zone).toBe('Asia/Kolkata');
    // Not today: the booking notice (2 h) may cut into this morning's hours.
    const today = localDate(new Date(), 'Asia/Kolkata');
    const day = result.days.find((d) => d.date !== today && d.starts.length > 50);
    const label = (start: number | undefined) => formatLocalTime(new Date(start ?? Number.NaN), result.zone);
    expect(label(day?.starts[0])).toBe('09:00');
    expect(label(day?.starts.at(-1))).toBe('16:30');
  });

  it('50 patients booking one slot at once: exactly 1 success and 49 CONFLICT', async () => {
    const patients = await Promise.all(Array.from({ length: 50 }, newPatient));
    const start = indiaTime(3, 10);
    const results = await Promise.allSettled(patients.map((p) => site(p).portal.book(slot(start))));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const conflicts = results.filter(
      (r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'CONFLICT',
    );
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const rows = await t.db.select().from(appointments).where(eq(appointments.startsAt, start));
    expect(rows).toHaveLength(1);
  });

  it('overlapping but different slots booked at once: exactly 1 success', async () => {
    const patients = await Promise.all(Array.from({ length: 30 }, newPatient));
    const starts = [0, 5, 10, 15, 20, 25].map((m) => indiaTime(4, 11, m));
    const results = await Promise.allSettled(
      patients.map((p, i) => site(p).portal.book(slot(starts[i % 6] ?? new Date()))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'CONFLICT'),
    ).toHaveLength(29);
  });

  it('times that meet only through buffers, booked at once: exactly 1 success', async () => {
    const [buffered] = await t.db
      .insert(appointmentTypes)
      .values({
        organizationId: clinic.org.id,
        name: 'Cleaning',
        durationMinutes: 30,
        bufferAfterMinutes: 20,
        slotIntervalMinutes: 5,
        priceMinor: 0,
        currency: 'INR',
        colour: '#0f766e',
      })
      .returning();
    await offerTypes(t.db, clinic.org.id, [clinic.clinician.id], [buffered?.id ?? '']);
    const patients = await Promise.all(Array.from({ length: 20 }, newPatient));
    // 15:00–15:30 keeps 15:30–15:50 free; 15:40 and 15:45 do not overlap 15:00 but meet its buffer.
    const starts = [indiaTime(6, 15), indiaTime(6, 15, 40), indiaTime(6, 15, 45)];
    const results = await Promise.allSettled(
      patients.map((p, i) => site(p).portal.book({ ...slot(starts[i % 3] ?? new Date()), typeId: buffered?.id ?? '' })),
    );
    const booked = results.filter((r) => r.status === 'fulfilled');
    const conflicts = results.filter(
      (r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'CONFLICT',
    );
    // 15:40 and 15:45 overlap each other too, so one of the three times wins, or 15:00 alone.
    expect(booked).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
  });

  it('books only for the signed-in patient, who alone can see and cancel it; cancelling frees the slot', async () => {
    const me = await newPatient();
    const other = await newPatient();
    const start = indiaTime(5, 14);
    const booked = await site(me).portal.book(slot(start));
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(row).toMatchObject({ patientId: me.patientId, source: 'booking_site', status: 'confirmed' });
    expect((await site(other).portal.myAppointments()).upcoming.map((a) => a.id)).not.toContain(booked.id);
    await expect(site(other).portal.cancel({ appointmentId: booked.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(site(other).portal.book(slot(start))).rejects.toMatchObject({ code: 'CONFLICT' });
    await site(me).portal.cancel({ appointmentId: booked.id, reason: 'Feeling better' });
    await expect(site(other).portal.book(slot(start))).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('refuses a time that is not offered (outside hours, inside the notice, off the interval)', async () => {
    const me = await newPatient();
    await expect(site(me).portal.book(slot(indiaTime(6, 20)))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(site(me).portal.book(slot(indiaTime(6, 10, 2)))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(site(me).portal.book(slot(new Date(Date.now() + 30 * 60_000)))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('a hold keeps a slot for its patient only', async () => {
    const a = await newPatient();
    const b = await newPatient();
    const start = indiaTime(7, 9, 30);
    const hold = await site(a).portal.hold(slot(start));
    expect(hold?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
    await expect(site(b).portal.hold(slot(start))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(site(b).portal.book(slot(start))).rejects.toMatchObject({ code: 'CONFLICT' });
    const shownToB = await site(b).availability.slots({
      clinicianId: clinic.clinician.id,
      typeId: clinic.type.id,
      from: undefined,
      days: 8,
    });
    expect(shownToB.days.flatMap((d) => d.starts)).not.toContain(start.getTime());
    await expect(site(a).portal.book(slot(start))).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('late cancellations follow the type: flagged, or refused', async () => {
    const me = await newPatient();
    await t.db
      .update(appointmentTypes)
      .set({ minimumNoticeMinutes: 0, lateCancellationHours: 48 })
      .where(eq(appointmentTypes.id, clinic.type.id));
    const soon = await site(me).portal.book(slot(indiaTime(1, 15)));
    const flagged = await site(me).portal.cancel({ appointmentId: soon.id });
    expect(flagged).toMatchObject({ status: 'cancelled', lateCancellation: true });
    await t.db
      .update(appointmentTypes)
      .set({ lateCancellationPolicy: 'refuse' })
      .where(eq(appointmentTypes.id, clinic.type.id));
    const again = await site(me).portal.book(slot(indiaTime(1, 16)));
    await expect(site(me).portal.cancel({ appointmentId: again.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/call the clinic/),
    });
    await t.db
      .update(appointmentTypes)
      .set({ minimumNoticeMinutes: 120, lateCancellationHours: 24, lateCancellationPolicy: 'flag' })
      .where(eq(appointmentTypes.id, clinic.type.id));
  });

  it('an online type gets an unguessable video room', async () => {
    await t.db.update(appointmentTypes).set({ mode: 'online' }).where(eq(appointmentTypes.id, clinic.type.id));
    await t.db
      .update(availabilityRules)
      .set({ mode: 'online' })
      .where(eq(availabilityRules.clinicianId, clinic.clinician.id));
    const me = await newPatient();
    const booked = await site(me).portal.book(slot(indiaTime(8, 10)));
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(row?.mode).toBe('online');
    expect(row?.videoUrl).toMatch(/^https:\/\/meet\.jit\.si\/carelane-[A-Za-z0-9_-]{27}$/);
    await t.db
      .update(availabilityRules)
      .set({ mode: 'in_person' })
      .where(eq(availabilityRules.clinicianId, clinic.clinician.id));
    await t.db.update(appointmentTypes).set({ mode: 'in_person' }).where(eq(appointmentTypes.id, clinic.type.id));
  });

  it('reschedules within policy to a free slot; its own old time does not block a small move', async () => {
    const me = await newPatient();
    const booked = await site(me).portal.book(slot(indiaTime(9, 12)));
    const moved = await site(me).portal.reschedule({ appointmentId: booked.id, startsAt: indiaTime(9, 12, 15) });
    expect(moved?.startsAt.getTime()).toBe(indiaTime(9, 12, 15).getTime());
  });
});
