import type { StaffPrincipal } from '@carelane/auth';
import { auditLog } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addAllDayHours, callerAs, createClinic, createPatient, createStaff, signedInStaff } from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let frontDesk: StaffPrincipal;
let clinician: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  await addAllDayHours(t.db, clinic);
  frontDesk = (await signedInStaff(t.db, (await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk')).id))
    .principal as StaffPrincipal;
  clinician = (await signedInStaff(t.db, clinic.clinician.id)).principal as StaffPrincipal;
});
afterAll(() => t.close());

// Local India times on a fixed day in the past (so no-show and completion are allowed).
const past = (hh: number, mm = 0) => new Date(Date.UTC(2025, 5, 10, hh - 5, mm - 30));
const future = (hh: number, mm = 0) => new Date(Date.UTC(2030, 5, 10, hh - 5, mm - 30));

async function book(startsAt: Date, patientId = clinic.patient.id) {
  return callerAs(t.db, frontDesk).appointments.create({
    centreId: clinic.centre.id,
    clinicianId: clinic.clinician.id,
    patientId,
    typeId: clinic.type.id,
    startsAt,
  });
}

describe('appointment lifecycle', () => {
  it('goes confirmed -> checked in (front desk) -> completed (clinician), each audited', async () => {
    const a = await book(past(9));
    await callerAs(t.db, frontDesk).appointments.setStatus({ id: a.id, status: 'checked_in' });
    await expect(
      callerAs(t.db, frontDesk).appointments.setStatus({ id: a.id, status: 'completed' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const done = await callerAs(t.db, clinician).appointments.setStatus({ id: a.id, status: 'completed' });
    expect(done?.status).toBe('completed');
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, a.id))).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['appointment.create', 'appointment.checked_in', 'appointment.completed']),
    );
  });

  it('refuses a no-show before the start and going back from a final state', async () => {
    const a = await book(future(9));
    await expect(
      callerAs(t.db, frontDesk).appointments.setStatus({ id: a.id, status: 'no_show' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'A patient cannot be a no-show before the appointment starts.',
    });
    await callerAs(t.db, frontDesk).appointments.cancel({ id: a.id, reason: 'Patient travelling' });
    await expect(
      callerAs(t.db, frontDesk).appointments.setStatus({ id: a.id, status: 'confirmed' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('cancelling frees the time for another booking', async () => {
    const a = await book(future(11));
    const other = await createPatient(t.db, clinic.org.id);
    await expect(book(future(11), other.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const cancelled = await callerAs(t.db, frontDesk).appointments.cancel({ id: a.id, reason: 'Clinic asked to move' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellationReason: 'Clinic asked to move' });
    await expect(book(future(11), other.id)).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('a cancellation needs a reason (BAD_REQUEST naming the field)', async () => {
    const a = await book(future(12));
    const err = await callerAs(t.db, frontDesk)
      .appointments.cancel({ id: a.id, reason: '' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('reschedules to a free time, and refuses an occupied one with the clash and no change', async () => {
    const a = await book(future(14));
    await book(future(15));
    const moved = await callerAs(t.db, frontDesk).appointments.reschedule({ id: a.id, startsAt: future(16) });
    expect(moved?.startsAt.toISOString()).toBe(future(16).toISOString());
    expect(moved && moved.endsAt.getTime() - moved.startsAt.getTime()).toBe(30 * 60_000);
    await expect(
      callerAs(t.db, frontDesk).appointments.reschedule({ id: a.id, startsAt: future(15, 15) }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/from 15:00 to 15:30/) });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, 'appointment.reschedule')));
    expect(entries).toHaveLength(1);
    // Moving onto its own current time (overlapping itself) is fine.
    await expect(
      callerAs(t.db, frontDesk).appointments.reschedule({ id: a.id, startsAt: future(16, 10) }),
    ).resolves.toBeTruthy();
  });

  it("another organization's appointment is NOT_FOUND for every action", async () => {
    const other = await createClinic(t.db, 'Other');
    await addAllDayHours(t.db, other);
    const otherDesk = (await signedInStaff(t.db, (await createStaff(t.db, other.org.id, other.centre.id, 'admin')).id))
      .principal as StaffPrincipal;
    const a = await book(future(17));
    const caller = callerAs(t.db, otherDesk);
    await expect(caller.appointments.setStatus({ id: a.id, status: 'checked_in' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(caller.appointments.cancel({ id: a.id, reason: 'nope nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(caller.appointments.reschedule({ id: a.id, startsAt: future(18) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
