import type { StaffPrincipal } from '@carelane/auth';
import { addLocalDays, isoWeekdayOf, localDate, zonedTime } from '@carelane/core';
import { appointments, auditLog, availabilityExceptions, availabilityRules } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callerAs, createClinic, createStaff, signedInStaff } from './fixtures';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let frontDesk: StaffPrincipal;
let centreManager: StaffPrincipal;
let clinician: StaffPrincipal;
const zone = 'Asia/Kolkata';

/** The first local date on or after `from` that falls on an ISO weekday. */
function nextWeekday(from: string, weekday: number) {
  return addLocalDays(from, (weekday - isoWeekdayOf(from) + 7) % 7);
}
const base = addLocalDays(localDate(new Date(), zone), 14);
const tuesday = nextWeekday(base, 2);
const sunday = nextWeekday(base, 7);
const at = (date: string, hh: number, mm = 0) => zonedTime(date, hh, mm, zone);

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
  // Monday to Saturday 09:00–13:00 and 14:00–17:00 (a lunch break); Sundays off.
  await t.db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5, 6].flatMap((weekday) =>
      [
        ['09:00', '13:00'],
        ['14:00', '17:00'],
      ].map(([startTime = '', endTime = '']) => ({
        organizationId: clinic.org.id,
        clinicianId: clinic.clinician.id,
        centreId: clinic.centre.id,
        weekday,
        startTime,
        endTime,
        validFrom: '2020-01-01',
      })),
    ),
  );
  const signIn = async (role: 'front_desk' | 'centre_manager') =>
    (await signedInStaff(t.db, (await createStaff(t.db, clinic.org.id, clinic.centre.id, role)).id))
      .principal as StaffPrincipal;
  frontDesk = await signIn('front_desk');
  centreManager = await signIn('centre_manager');
  clinician = (await signedInStaff(t.db, clinic.clinician.id)).principal as StaffPrincipal;
});
afterAll(() => t.close());

const visit = () => ({
  centreId: clinic.centre.id,
  clinicianId: clinic.clinician.id,
  patientId: clinic.patient.id,
  typeId: clinic.type.id,
});
const name = () => clinic.clinician.name;

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  return err as TRPCError & { cause?: unknown };
}

async function countAt(startsAt: Date) {
  const rows = await t.db.select().from(appointments).where(eq(appointments.startsAt, startsAt));
  return rows.length;
}

describe('booking outside working time', () => {
  it('books any minute inside the hours', async () => {
    const row = await callerAs(t.db, frontDesk).appointments.create({ ...visit(), startsAt: at(tuesday, 9, 7) });
    expect(row.overbooked).toBe(false);
  });

  it('in a break, before the hours, on a day off, or in time off: CONFLICT naming it, nothing booked', async () => {
    const day = (d: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' })
        .format(at(d, 12))
        .replace(',', '');
    const cases: Array<[Date, string]> = [
      [at(tuesday, 13), `${name()} does not work at 13:00 on ${day(tuesday)} (break 13:00–14:00).`],
      [at(tuesday, 8, 30), `${name()} does not work at 08:30 on ${day(tuesday)} (hours start at 09:00).`],
      [at(sunday, 10), `${name()} does not work at 10:00 on ${day(sunday)} (no working hours on Sundays).`],
      [
        at(tuesday, 12, 45),
        `${name()} does not work at 13:00 on ${day(tuesday)} (break 13:00–14:00); this visit would run until 13:15.`,
      ],
    ];
    for (const [startsAt, sentence] of cases) {
      const err = await refusal(callerAs(t.db, frontDesk).appointments.create({ ...visit(), startsAt }));
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toBe(`${sentence} Choose another time, or overbook with a reason.`);
      expect(await countAt(startsAt)).toBe(0);
    }

    const wednesday = addLocalDays(tuesday, 1);
    await t.db.insert(availabilityExceptions).values({
      organizationId: clinic.org.id,
      clinicianId: clinic.clinician.id,
      kind: 'time_off',
      startsAt: at(wednesday, 9),
      endsAt: at(wednesday, 12),
    });
    const err = await refusal(
      callerAs(t.db, frontDesk).appointments.create({ ...visit(), startsAt: at(wednesday, 10) }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('(time off 09:00–12:00)');
  });

  it('a centre manager may overbook a break with a reason: booked and audited as an overbooking; front desk may not', async () => {
    const startsAt = at(tuesday, 13, 20);
    const forbidden = await refusal(
      callerAs(t.db, frontDesk).appointments.create({ ...visit(), startsAt, overbook: true, overbookReason: 'Urgent' }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(await countAt(startsAt)).toBe(0);

    const row = await callerAs(t.db, centreManager).appointments.create({
      ...visit(),
      startsAt,
      overbook: true,
      overbookReason: 'Only time the patient can come',
    });
    expect(row).toMatchObject({ overbooked: true, overbookReason: 'Only time the patient can come' });
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(entries.map((e) => e.action)).toContain('appointment.overbook');
  });

  it('a move into a break is CONFLICT and changes nothing; overbooked with a reason by a permitted role it moves', async () => {
    const from = at(addLocalDays(tuesday, 2), 10);
    const row = await callerAs(t.db, frontDesk).appointments.create({ ...visit(), startsAt: from });
    const into = at(addLocalDays(tuesday, 2), 13, 30);
    const err = await refusal(callerAs(t.db, frontDesk).appointments.reschedule({ id: row.id, startsAt: into }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('(break 13:00–14:00)');
    const forbidden = await refusal(
      callerAs(t.db, frontDesk).appointments.reschedule({
        id: row.id,
        startsAt: into,
        overbook: true,
        overbookReason: 'Patient asked',
      }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    const noReason = await refusal(
      callerAs(t.db, centreManager).appointments.reschedule({ id: row.id, startsAt: into, overbook: true }),
    );
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(String(noReason.cause)).toContain('overbookReason');
    const [still] = await t.db.select().from(appointments).where(eq(appointments.id, row.id));
    expect(still?.startsAt).toEqual(from);

    const moved = await callerAs(t.db, centreManager).appointments.reschedule({
      id: row.id,
      startsAt: into,
      overbook: true,
      overbookReason: 'Patient can only come at lunch',
    });
    expect(moved).toMatchObject({ startsAt: into, overbooked: true });
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(entries.map((e) => e.action)).toContain('appointment.overbook');
  });

  it('a weekly series skips the dates outside working time and says why', async () => {
    const result = await callerAs(t.db, frontDesk).appointments.createRecurring({
      ...visit(),
      startsAt: at(addLocalDays(tuesday, 3), 16, 45),
      everyWeeks: 1,
      count: 2,
      action: 'check',
    });
    expect(result.occurrences.map((o) => o.clash)).toEqual([
      'Outside working hours (hours end at 17:00)',
      'Outside working hours (hours end at 17:00)',
    ]);
  });
});

describe('time off and closures over booked visits', () => {
  it('time off over visits warns with the list and saves nothing; confirmed, it saves and the calendar flags them', async () => {
    const date = addLocalDays(tuesday, 7);
    const booked = await callerAs(t.db, frontDesk).appointments.create({ ...visit(), startsAt: at(date, 10) });
    const timeOff = {
      kind: 'time_off' as const,
      clinicianId: clinic.clinician.id,
      startsAt: at(date, 9),
      endsAt: at(date, 13),
      reason: 'Conference',
    };
    const err = await refusal(callerAs(t.db, clinician).availability.addException(timeOff));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('This time off covers 1 booked visit.');
    const saved = () =>
      t.db
        .select()
        .from(availabilityExceptions)
        .where(
          and(
            eq(availabilityExceptions.clinicianId, clinic.clinician.id),
            eq(availabilityExceptions.reason, 'Conference'),
          ),
        );
    expect(await saved()).toEqual([]);

    const row = await callerAs(t.db, clinician).availability.addException({ ...timeOff, bookedVisitsSeen: true });
    expect(await saved()).toHaveLength(1);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(entries[0]?.action).toBe('availability.add_time_off');

    const flagged = async () => {
      const view = await callerAs(t.db, frontDesk).calendar.view({ view: 'day', date });
      return view.columns.flatMap((c) => c.appointments).find((a) => a.id === booked.id);
    };
    expect((await flagged())?.offHours).toBe('Off: time off 09:00–13:00 — move or cancel');
    const today = await callerAs(t.db, frontDesk).appointments.day({ date });
    expect(today.clinicians.flatMap((c) => c.appointments).find((a) => a.id === booked.id)?.offHours).toBe(
      'Off: time off 09:00–13:00 — move or cancel',
    );

    await callerAs(t.db, frontDesk).appointments.reschedule({ id: booked.id, startsAt: at(date, 15) });
    expect((await flagged())?.offHours).toBeNull();
  });

  it('a closure over visits at the centre warns likewise; a clinician cannot close it, front desk cannot add time off', async () => {
    const date = addLocalDays(tuesday, 8);
    const booked = await callerAs(t.db, frontDesk).appointments.create({ ...visit(), startsAt: at(date, 11) });
    const closure = {
      kind: 'closure' as const,
      centreId: clinic.centre.id,
      startsAt: at(date, 0),
      endsAt: at(addLocalDays(date, 1), 0),
      reason: 'Diwali',
    };
    expect((await refusal(callerAs(t.db, clinician).availability.addException(closure))).code).toBe('FORBIDDEN');
    expect(
      (
        await refusal(
          callerAs(t.db, frontDesk).availability.addException({
            kind: 'time_off',
            clinicianId: clinic.clinician.id,
            startsAt: at(date, 9),
            endsAt: at(date, 10),
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const err = await refusal(callerAs(t.db, centreManager).availability.addException(closure));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('This closure covers 1 booked visit.');
    await callerAs(t.db, centreManager).availability.addException({ ...closure, bookedVisitsSeen: true });
    const view = await callerAs(t.db, frontDesk).calendar.view({ view: 'day', date });
    const shown = view.columns.flatMap((c) => c.appointments).find((a) => a.id === booked.id);
    expect(shown?.offHours).toMatch(/^Off: centre closed/);

    await callerAs(t.db, frontDesk).appointments.cancel({ id: booked.id, reason: 'Centre closed' });
    const after = await callerAs(t.db, frontDesk).calendar.view({ view: 'day', date });
    expect(after.columns.flatMap((c) => c.appointments).find((a) => a.id === booked.id)).toBeUndefined();
  });

  it('the CONFLICT carries the visits (date, time, patient, clinician) for the confirmation', async () => {
    const date = addLocalDays(tuesday, 9);
    const booked = await callerAs(t.db, frontDesk).appointments.create({ ...visit(), startsAt: at(date, 14) });
    const err = await refusal(
      callerAs(t.db, clinician).availability.addException({
        kind: 'time_off',
        clinicianId: clinic.clinician.id,
        startsAt: at(date, 0),
        endsAt: at(addLocalDays(date, 1), 0),
      }),
    );
    const { conflictVisits } = await import('../src/errors');
    expect(conflictVisits(err)).toEqual([
      {
        id: booked.id,
        startsAt: at(date, 14),
        endsAt: at(date, 14, 30),
        patientName: 'Test Patient',
        clinicianName: name(),
        centreName: 'Main',
      },
    ]);
  });

  it('a bad range is a field error that saves nothing', async () => {
    const date = addLocalDays(tuesday, 10);
    const err = await refusal(
      callerAs(t.db, clinician).availability.addException({
        kind: 'time_off',
        clinicianId: clinic.clinician.id,
        startsAt: at(date, 12),
        endsAt: at(date, 11),
        bookedVisitsSeen: true,
      }),
    );
    expect(err.code).toBe('BAD_REQUEST');
  });
});
