import type { StaffPrincipal } from '@carelane/auth';
import { formatLocalTime } from '@carelane/core';
import { appointments, recurringSeries } from '@carelane/db';
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
  signedInStaff,
} from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let frontDesk: StaffPrincipal;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  await addDailyHours(t.db, clinic);
  frontDesk = (await signedInStaff(t.db, (await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk')).id))
    .principal as StaffPrincipal;
});
afterAll(() => t.close());

const base = () => ({
  centreId: clinic.centre.id,
  clinicianId: clinic.clinician.id,
  patientId: clinic.patient.id,
  typeId: clinic.type.id,
  startsAt: indiaTime(3, 11),
  everyWeeks: 1,
  count: 5,
});

describe('recurring appointments', () => {
  it('reports each occurrence, books the free ones and skips the clash', async () => {
    const other = await createPatient(t.db, clinic.org.id);
    await callerAs(t.db, frontDesk).appointments.create({
      ...base(),
      patientId: other.id,
      startsAt: indiaTime(3 + 14, 11, 15),
    });

    const check = await callerAs(t.db, frontDesk).appointments.createRecurring({ ...base(), action: 'check' });
    expect(check.occurrences.map((o) => o.free)).toEqual([true, true, false, true, true]);
    expect(check.occurrences[2]?.clash).toBe('Clashes with an appointment from 11:15 to 11:45');
    expect(await t.db.select().from(recurringSeries)).toHaveLength(0);

    const booked = await callerAs(t.db, frontDesk).appointments.createRecurring({ ...base(), action: 'book' });
    expect(booked.occurrences.filter((o) => o.appointmentId)).toHaveLength(4);
    const rows = await t.db
      .select()
      .from(appointments)
      .where(eq(appointments.seriesId, booked.seriesId ?? ''));
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => formatLocalTime(r.startsAt, 'Asia/Kolkata')))).toEqual(new Set(['11:00']));
    const times = rows.map((r) => r.startsAt.getTime()).sort((x, y) => x - y);
    const gaps = times.slice(1).map((time, i) => time - (times[i] ?? 0));
    expect(gaps.every((g) => g % (7 * 86_400_000) === 0)).toBe(true);
  });

  it('needs either a count or an end date (BAD_REQUEST naming count)', async () => {
    const { count: _count, ...noLimit } = base();
    const err = (await callerAs(t.db, frontDesk)
      .appointments.createRecurring({ ...noLimit, action: 'check' })
      .catch((e: unknown) => e)) as { code: string };
    expect(err.code).toBe('BAD_REQUEST');
  });

  it('every 2 weeks until a date', async () => {
    const until = new Date(indiaTime(60, 12).getTime()).toISOString().slice(0, 10);
    const result = await callerAs(t.db, frontDesk).appointments.createRecurring({
      ...base(),
      count: undefined,
      until,
      everyWeeks: 2,
      startsAt: indiaTime(4, 15),
      action: 'check',
    });
    expect(result.occurrences.length).toBeGreaterThanOrEqual(4);
    expect(result.occurrences.length).toBeLessThanOrEqual(5);
  });
});
