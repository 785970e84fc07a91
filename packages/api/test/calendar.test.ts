import type { StaffPrincipal } from '@carelane/auth';
import { addLocalDays, localDate, zonedTime } from '@carelane/core';
import { availabilityExceptions } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDailyHours, callerAs, createClinic, createStaff, signedInStaff } from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let frontDesk: StaffPrincipal;
const zone = 'Asia/Kolkata';
const day = addLocalDays(localDate(new Date(), zone), 10);

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  await addDailyHours(t.db, clinic);
  frontDesk = (await signedInStaff(t.db, (await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk')).id))
    .principal as StaffPrincipal;
  await t.db.insert(availabilityExceptions).values({
    organizationId: clinic.org.id,
    clinicianId: clinic.clinician.id,
    kind: 'time_off',
    startsAt: zonedTime(day, 13, 0, zone),
    endsAt: zonedTime(day, 14, 0, zone),
    reason: 'Lunch meeting',
  });
  await callerAs(t.db, frontDesk).appointments.create({
    centreId: clinic.centre.id,
    clinicianId: clinic.clinician.id,
    patientId: clinic.patient.id,
    typeId: clinic.type.id,
    startsAt: zonedTime(day, 10, 0, zone),
  });
});
afterAll(() => t.close());

describe('calendar', () => {
  it('day view: a column per clinician with working hours, time off cut out and blocked, and appointments', async () => {
    const view = await callerAs(t.db, frontDesk).calendar.view({ view: 'day', date: day });
    expect(view.columns).toHaveLength(1);
    const col = view.columns[0];
    expect(col?.working.map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual([
      [zonedTime(day, 9, 0, zone).toISOString(), zonedTime(day, 13, 0, zone).toISOString()],
      [zonedTime(day, 14, 0, zone).toISOString(), zonedTime(day, 17, 0, zone).toISOString()],
    ]);
    expect(col?.blocked).toEqual([expect.objectContaining({ reason: 'Lunch meeting' })]);
    expect(col?.appointments.map((a) => a.patient.id)).toEqual([clinic.patient.id]);
    expect(view.hours).toEqual({ start: 8, end: 20 });
  });

  it('week view: seven days of one clinician from Monday', async () => {
    const view = await callerAs(t.db, frontDesk).calendar.view({
      view: 'week',
      date: day,
      clinicianId: clinic.clinician.id,
    });
    expect(view.columns).toHaveLength(7);
    expect(new Date(`${view.dates[0]}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(view.columns.flatMap((c) => c.appointments)).toHaveLength(1);
  });

  it('the week view needs a clinician; another organization’s centre is NOT_FOUND', async () => {
    await expect(callerAs(t.db, frontDesk).calendar.view({ view: 'week', date: day })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const other = await createClinic(t.db, 'Other');
    await expect(
      callerAs(t.db, frontDesk).calendar.view({ view: 'day', centreId: other.centre.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('quick patient search finds by name part, MRN and phone digits, only in the organization', async () => {
    const caller = callerAs(t.db, frontDesk);
    expect((await caller.patients.quickSearch({ q: 'test pat' })).map((p) => p.id)).toContain(clinic.patient.id);
    expect((await caller.patients.quickSearch({ q: clinic.patient.mrn })).map((p) => p.id)).toEqual([
      clinic.patient.id,
    ]);
    const digits = (clinic.patient.phone ?? '').slice(-6);
    expect((await caller.patients.quickSearch({ q: digits })).map((p) => p.id)).toContain(clinic.patient.id);
    const other = await createClinic(t.db, 'Elsewhere');
    expect((await caller.patients.quickSearch({ q: other.patient.mrn })).length).toBe(0);
  });
});
