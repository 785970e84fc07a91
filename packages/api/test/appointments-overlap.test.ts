import type { StaffPrincipal } from '@carelane/auth';
import { appointments, appointmentTypes, auditLog, pgErrorInfo } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addAllDayHours,
  callerAs,
  createClinic,
  createPatient,
  createStaff,
  offerTypes,
  signedInStaff,
} from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let frontDesk: StaffPrincipal;
let centreManager: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  await addAllDayHours(t.db, clinic);
  const fd = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
  frontDesk = (await signedInStaff(t.db, fd.id)).principal as StaffPrincipal;
  const cm = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'centre_manager');
  centreManager = (await signedInStaff(t.db, cm.id)).principal as StaffPrincipal;
});
afterAll(() => t.close());

// 10:00 India time on a fixed future day.
const at = (hh: number, mm = 0) => new Date(Date.UTC(2030, 0, 15, hh - 5, mm - 30));

function book(principal: StaffPrincipal, startsAt: Date, extra: Record<string, unknown> = {}) {
  return callerAs(t.db, principal).appointments.create({
    centreId: clinic.centre.id,
    clinicianId: clinic.clinician.id,
    patientId: clinic.patient.id,
    typeId: clinic.type.id,
    startsAt,
    ...extra,
  });
}

describe('no double booking', () => {
  it('books a free time', async () => {
    const row = await book(frontDesk, at(10));
    expect(row.endsAt.getTime() - row.startsAt.getTime()).toBe(30 * 60_000);
  });

  it('refuses an overlapping appointment with CONFLICT naming the clashing time', async () => {
    const attempt = book(frontDesk, at(10, 15));
    await expect(attempt).rejects.toBeInstanceOf(TRPCError);
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(book(frontDesk, at(10, 15))).rejects.toThrow(/already has an appointment from 10:00 to 10:30/);
  });

  it('accepts an adjacent appointment (half-open ranges)', async () => {
    await expect(book(frontDesk, at(10, 30))).resolves.toMatchObject({ status: 'confirmed' });
    await expect(book(frontDesk, at(9, 30))).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('a cancelled appointment frees its time', async () => {
    const row = await book(frontDesk, at(14));
    await t.db
      .update(appointments)
      .set({ status: 'cancelled', cancelledAt: new Date() })
      .where(eq(appointments.id, row.id));
    await expect(book(frontDesk, at(14))).resolves.toMatchObject({ status: 'confirmed' });
  });

  it('the database itself refuses an overlap written past the API (SQLSTATE 23P01)', async () => {
    const other = await createPatient(t.db, clinic.org.id);
    const insert = t.db.insert(appointments).values({
      organizationId: clinic.org.id,
      centreId: clinic.centre.id,
      clinicianId: clinic.clinician.id,
      patientId: other.id,
      typeId: clinic.type.id,
      startsAt: at(10, 5),
      endsAt: at(10, 20),
      source: 'dashboard',
      feeMinor: 0,
      currency: 'INR',
    });
    const err = await insert.then(
      () => null,
      (e: unknown) => e,
    );
    expect(pgErrorInfo(err)).toMatchObject({ code: '23P01', constraint: 'appointments_no_overlap' });
  });

  it('two simultaneous bookings of one time: exactly one wins, the other is a CONFLICT', async () => {
    const results = await Promise.allSettled([book(frontDesk, at(16)), book(frontDesk, at(16, 10))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toMatchObject({ code: 'CONFLICT' });
  });

  it('front desk may not overbook; a centre manager may, with a reason, and it is audited', async () => {
    await expect(book(frontDesk, at(10), { overbook: true, overbookReason: 'Emergency' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const row = await book(centreManager, at(10), { overbook: true, overbookReason: 'Emergency toothache' });
    expect(row.overbooked).toBe(true);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(entries.map((e) => e.action)).toContain('appointment.overbook');
  });

  it('buffers are part of the blocked time, in the database too', async () => {
    // A type that keeps 10 minutes before and 15 after each visit.
    const [buffered] = await t.db
      .insert(appointmentTypes)
      .values({
        organizationId: clinic.org.id,
        name: 'Procedure',
        durationMinutes: 30,
        bufferBeforeMinutes: 10,
        bufferAfterMinutes: 15,
        priceMinor: 0,
        currency: 'INR',
        colour: '#0f766e',
      })
      .returning();
    const typeId = buffered?.id ?? '';
    await offerTypes(t.db, clinic.org.id, [clinic.clinician.id], [typeId]);
    const row = await book(frontDesk, at(19), { typeId });
    expect(row).toMatchObject({ bufferBeforeMinutes: 10, bufferAfterMinutes: 15 });

    // 19:30–20:00 meets 19:00–19:30 only through its 15 minutes after (and the new one's 10 before).
    await expect(book(frontDesk, at(19, 30), { typeId })).rejects.toThrow(
      /from 19:00 to 19:30 and keeps 25 minutes free after it/,
    );
    await expect(book(frontDesk, at(18, 15), { typeId })).rejects.toThrow(
      /from 19:00 to 19:30 and keeps 25 minutes free before it/,
    );
    await expect(book(frontDesk, at(19, 55), { typeId })).resolves.toMatchObject({ status: 'confirmed' });
    // A plain 30-minute visit needs only the procedure's own 15 minutes after it.
    await expect(book(frontDesk, at(20, 40))).resolves.toMatchObject({ status: 'confirmed' });
    await expect(book(frontDesk, at(21, 5), { typeId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
