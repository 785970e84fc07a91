import type { StaffPrincipal } from '@carelane/auth';
import { addLocalDays, formatLocalTime, localDate, zonedTime } from '@carelane/core';
import { auditLog } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDailyHours, callerAs, createClinic, createStaff, signedInStaff } from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let manager: StaffPrincipal;
let frontDesk: StaffPrincipal;
let clinician: StaffPrincipal;
const zone = 'Asia/Kolkata';

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  await addDailyHours(t.db, clinic);
  const as = async (role: 'manager' | 'front_desk') =>
    (await signedInStaff(t.db, (await createStaff(t.db, clinic.org.id, clinic.centre.id, role)).id))
      .principal as StaffPrincipal;
  manager = await as('manager');
  frontDesk = await as('front_desk');
  clinician = (await signedInStaff(t.db, clinic.clinician.id)).principal as StaffPrincipal;
});
afterAll(() => t.close());

const slotsOn = async (date: string) => {
  const result = await callerAs(
    t.db,
    { kind: 'anonymous' },
    { audience: 'patient', siteOrganizationId: clinic.org.id },
  ).availability.slots({ clinicianId: clinic.clinician.id, typeId: clinic.type.id, from: date, days: 1 });
  return result.days.flatMap((d) => d.starts.map((start) => formatLocalTime(new Date(start), result.zone)));
};

describe('weekly hours', () => {
  it('a manager replaces the week from a date; earlier days keep the old hours, slots follow', async () => {
    const from = addLocalDays(localDate(new Date(), zone), 20);
    await callerAs(t.db, manager).availability.setWeeklyHours({
      clinicianId: clinic.clinician.id,
      centreId: clinic.centre.id,
      validFrom: from,
      entries: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        start: '14:00',
        end: '16:00',
        mode: 'in_person' as const,
      })),
    });
    expect((await slotsOn(from))[0]).toBe('14:00');
    expect((await slotsOn(addLocalDays(from, -1)))[0]).toBe('09:00');
    const hours = await callerAs(t.db, frontDesk).availability.weeklyHours({ clinicianId: clinic.clinician.id });
    expect(hours.rules.filter((r) => r.validFrom === from)).toHaveLength(7);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, clinic.clinician.id), eq(auditLog.action, 'availability.set_weekly_hours')));
    expect(entries).toHaveLength(1);
  });

  it('overlapping ranges are BAD_REQUEST naming the entry', async () => {
    const err = await callerAs(t.db, manager)
      .availability.setWeeklyHours({
        clinicianId: clinic.clinician.id,
        centreId: clinic.centre.id,
        entries: [
          { weekday: 1, start: '09:00', end: '12:00', mode: 'in_person' },
          { weekday: 1, start: '11:00', end: '13:00', mode: 'in_person' },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('front desk cannot edit hours; a clinician edits only their own', async () => {
    const entries = [{ weekday: 1, start: '09:00', end: '10:00', mode: 'in_person' as const }];
    await expect(
      callerAs(t.db, frontDesk).availability.setWeeklyHours({
        clinicianId: clinic.clinician.id,
        centreId: clinic.centre.id,
        entries,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const colleague = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'clinician');
    await expect(
      callerAs(t.db, clinician).availability.setWeeklyHours({
        clinicianId: colleague.id,
        centreId: clinic.centre.id,
        entries,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('time off and closures', () => {
  it('time off removes slots; removing it brings them back', async () => {
    const day = addLocalDays(localDate(new Date(), zone), 5);
    const off = await callerAs(t.db, clinician).availability.addException({
      kind: 'time_off',
      clinicianId: clinic.clinician.id,
      startsAt: zonedTime(day, 9, 0, zone),
      endsAt: zonedTime(day, 12, 0, zone),
      reason: 'Dentist appointment',
    });
    expect((await slotsOn(day))[0]).toBe('12:00');
    const listed = await callerAs(t.db, frontDesk).availability.exceptions({ clinicianId: clinic.clinician.id });
    expect(listed.map((e) => e.id)).toContain(off.id);
    await callerAs(t.db, clinician).availability.removeException({ id: off.id });
    expect((await slotsOn(day))[0]).toBe('09:00');
  });

  it('a closure shuts the centre for the day; clinicians cannot close a centre', async () => {
    const day = addLocalDays(localDate(new Date(), zone), 6);
    const range = { startsAt: zonedTime(day, 0, 0, zone), endsAt: zonedTime(addLocalDays(day, 1), 0, 0, zone) };
    await expect(
      callerAs(t.db, clinician).availability.addException({ kind: 'closure', centreId: clinic.centre.id, ...range }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await callerAs(t.db, manager).availability.addException({
      kind: 'closure',
      centreId: clinic.centre.id,
      ...range,
      reason: 'Diwali',
    });
    expect(await slotsOn(day)).toEqual([]);
  });

  it('an end before the start is BAD_REQUEST naming endsAt', async () => {
    const day = addLocalDays(localDate(new Date(), zone), 7);
    const err = (await callerAs(t.db, manager)
      .availability.addException({
        kind: 'time_off',
        clinicianId: clinic.clinician.id,
        startsAt: zonedTime(day, 12, 0, zone),
        endsAt: zonedTime(day, 11, 0, zone),
      })
      .catch((e: unknown) => e)) as { code: string; cause: { issues: Array<{ path: string[] }> } };
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.cause.issues.map((i) => i.path.join('.'))).toContain('endsAt');
  });
});

describe('appointment types', () => {
  const values = {
    name: 'Vaccination',
    specialisation: 'General practice',
    durationMinutes: 10,
    priceMinor: 40_000,
    colour: '#16a34a',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 5,
    mode: 'in_person' as const,
    onlineBookable: true,
    requiresPrepayment: false,
    depositMinor: 0,
    minimumNoticeMinutes: 60,
    bookingHorizonDays: 30,
    slotIntervalMinutes: 10,
    lateCancellationHours: 12,
    lateCancellationPolicy: 'flag' as const,
  };

  it('a manager creates, updates and archives a type in the organization currency, each audited', async () => {
    const created = await callerAs(t.db, manager).appointmentTypes.create(values);
    expect(created).toMatchObject({ name: 'Vaccination', currency: 'INR', active: true });
    const updated = await callerAs(t.db, manager).appointmentTypes.update({
      id: created.id,
      values: { ...values, priceMinor: 45_000 },
    });
    expect(updated?.priceMinor).toBe(45_000);
    await callerAs(t.db, manager).appointmentTypes.setActive({ id: created.id, active: false });
    const list = await callerAs(t.db, frontDesk).appointmentTypes.list();
    expect(list.map((x) => x.id)).not.toContain(created.id);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.id))).map((e) => e.action);
    expect(actions).toEqual(['appointment_type.create', 'appointment_type.update', 'appointment_type.archive']);
  });

  it('bad values are BAD_REQUEST naming each field; front desk cannot manage types', async () => {
    const err = (await callerAs(t.db, manager)
      .appointmentTypes.create({ ...values, durationMinutes: 7, colour: 'green', depositMinor: 99_999_999 })
      .catch((e: unknown) => e)) as { code: string; cause: { issues: Array<{ path: string[] }> } };
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.cause.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['durationMinutes', 'colour']),
    );
    await expect(callerAs(t.db, frontDesk).appointmentTypes.create(values)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('late-cancellation and no-show fees are saved, read back and audited; 0 when not given', async () => {
    const created = await callerAs(t.db, manager).appointmentTypes.create({ ...values, name: 'Root canal review' });
    expect(created).toMatchObject({ lateCancellationFeeMinor: 0, noShowFeeMinor: 0 });
    await callerAs(t.db, manager).appointmentTypes.update({
      id: created.id,
      values: { ...values, name: 'Root canal review', lateCancellationFeeMinor: 25_050, noShowFeeMinor: 50_000 },
    });
    const all = await callerAs(t.db, frontDesk).appointmentTypes.all();
    expect(all.find((x) => x.id === created.id)).toMatchObject({
      lateCancellationFeeMinor: 25_050,
      noShowFeeMinor: 50_000,
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'appointment_type.update')));
    expect(entry?.changes).toMatchObject({
      lateCancellationFeeMinor: { from: 0, to: 25_050 },
      noShowFeeMinor: { from: 0, to: 50_000 },
    });
  });

  it('a negative or too high fee is BAD_REQUEST naming the field and changes nothing', async () => {
    const before = await callerAs(t.db, manager).appointmentTypes.all();
    const err = (await callerAs(t.db, manager)
      .appointmentTypes.create({
        ...values,
        name: 'Bad fee',
        noShowFeeMinor: -1,
        lateCancellationFeeMinor: 100_000_001,
      })
      .catch((e: unknown) => e)) as { code: string; cause: { issues: Array<{ path: string[] }> } };
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.cause.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['noShowFeeMinor', 'lateCancellationFeeMinor']),
    );
    expect(await callerAs(t.db, manager).appointmentTypes.all()).toHaveLength(before.length);
  });

  it("another organization's type is NOT_FOUND", async () => {
    const other = await createClinic(t.db, 'Other');
    await expect(callerAs(t.db, manager).appointmentTypes.update({ id: other.type.id, values })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
