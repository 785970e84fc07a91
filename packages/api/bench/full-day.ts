/**
 * A full clinic day for the calendar benchmarks, on top of the demo data: the front desk's
 * centre gets 30 clinicians (the demo's own plus new ones with weekly hours, some with time off
 * that day) and 400 appointments on each of the given days, placed inside working hours with
 * realistic gaps and never overlapping, buffers included. Deterministic.
 */
import {
  type AvailabilityException,
  addLocalDays,
  isoWeekdayOf,
  localDate,
  localDayBounds,
  workingRanges,
  zonedTime,
} from '@carelane/core';
import {
  appointments,
  appointmentTypes,
  availabilityExceptions,
  availabilityRules,
  centres,
  clinicianAppointmentTypes,
  clinicianProfiles,
  type Database,
  organizations,
  patients,
  staffCentres,
  staffUsers,
} from '@carelane/db';
import { DEMO } from '@carelane/db/demo';
import { and, eq, inArray } from 'drizzle-orm';
import { asWeeklyRule } from '../src/routers/calendar/view.handler';

export const FULL_DAY = { clinicians: 30, appointments: 400 } as const;

/** Weekly hours of the added clinicians (Monday to Saturday), in turn. */
const SHIFTS: { start: string; end: string }[][] = [
  [
    { start: '09:00', end: '13:00' },
    { start: '14:00', end: '18:00' },
  ],
  [{ start: '08:00', end: '15:00' }],
  [{ start: '12:00', end: '20:00' }],
  [
    { start: '10:00', end: '13:30' },
    { start: '14:30', end: '19:00' },
  ],
];
const SPECIALISATIONS = [
  'General practice',
  'General practice',
  'Dentistry',
  'General practice',
  'Psychotherapy',
  'General practice',
];
const FIRST_NAMES = ['Aarav', 'Bhavna', 'Chitra', 'Deepak', 'Esha', 'Gaurav', 'Harini', 'Irfan', 'Jaya', 'Kiran'];
const LAST_NAMES = ['Bose', 'Chopra', 'Dutta', 'Gupta', 'Menon', 'Pillai', 'Reddy'];
const GAPS_MINUTES = [0, 0, 0, 5, 5, 10, 20];

/** The first Tuesday three weeks or more from `now`, and the Wednesday after: beyond the demo's bookings. */
export function fullDayDates(now: Date, zone = 'Asia/Kolkata'): [string, string] {
  const start = addLocalDays(localDate(now, zone), 21);
  const tuesday = addLocalDays(start, (9 - isoWeekdayOf(start)) % 7);
  return [tuesday, addLocalDays(tuesday, 1)];
}

/** A small seeded generator (mulberry32), so every run books (and loads) the same data. */
export function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Adds the clinicians, hours, time off and appointments; returns the centre and the counts. */
export async function addFullDays(db: Database, dates: readonly string[]) {
  const next = random(20261121);
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, DEMO.organization.slug));
  const [desk] = await db.select().from(staffUsers).where(eq(staffUsers.email, DEMO.staff.frontDesk.email));
  if (!org || !desk?.defaultCentreId) throw new Error('full day: seed the demo first');
  const [centre] = await db.select().from(centres).where(eq(centres.id, desk.defaultCentreId));
  if (!centre) throw new Error('full day: the front desk has no centre');
  const first = dates[0];
  if (!first) throw new Error('full day: no dates');

  const clinicianIdsAt = async () =>
    (
      await db
        .select({ id: staffUsers.id })
        .from(staffUsers)
        .innerJoin(staffCentres, eq(staffCentres.staffUserId, staffUsers.id))
        .where(and(eq(staffCentres.centreId, centre.id), eq(staffUsers.role, 'clinician')))
    ).map((r) => r.id);

  const added = Array.from({ length: FULL_DAY.clinicians - (await clinicianIdsAt()).length }, (_, i) => ({
    i,
    id: crypto.randomUUID(),
    // Every first name meets a different surname each round of ten, so names never repeat.
    name: `Dr. ${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(3 * i + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length]}`,
    specialisation: SPECIALISATIONS[i % SPECIALISATIONS.length] ?? 'General practice',
    shifts: SHIFTS[i % SHIFTS.length] ?? [],
  }));
  const organizationId = org.id;
  await db.transaction(async (tx) => {
    if (!added.length) return;
    await tx.insert(staffUsers).values(
      added.map((c) => ({
        id: c.id,
        organizationId,
        name: c.name,
        email: `bench.clinician${c.i + 1}@sunrise.example`,
        role: 'clinician' as const,
        defaultCentreId: centre.id,
      })),
    );
    await tx
      .insert(staffCentres)
      .values(added.map((c) => ({ organizationId, staffUserId: c.id, centreId: centre.id })));
    await tx.insert(clinicianProfiles).values(
      added.map((c) => ({
        staffUserId: c.id,
        organizationId,
        slug: `bench-clinician-${c.i + 1}`,
        specialisations: [c.specialisation],
        feeMinor: 50_000,
        currency: org.currency,
        listed: false,
      })),
    );
    // Each offers the types of their specialisation and those of none (the rule of migration 0036).
    const orgTypes = await tx
      .select({ id: appointmentTypes.id, specialisation: appointmentTypes.specialisation })
      .from(appointmentTypes)
      .where(eq(appointmentTypes.organizationId, organizationId));
    const offered = added.flatMap((c) =>
      orgTypes
        .filter((t) => !t.specialisation || t.specialisation === c.specialisation)
        .map((t) => ({ organizationId, clinicianId: c.id, typeId: t.id })),
    );
    if (offered.length) await tx.insert(clinicianAppointmentTypes).values(offered);
    await tx.insert(availabilityRules).values(
      added.flatMap((c) =>
        [1, 2, 3, 4, 5, 6].flatMap((weekday) =>
          c.shifts.map((s) => ({
            organizationId,
            clinicianId: c.id,
            centreId: centre.id,
            weekday,
            startTime: s.start,
            endTime: s.end,
            validFrom: addLocalDays(first, -90),
          })),
        ),
      ),
    );
    // Some time off on each day: a morning, an afternoon, a whole day.
    const timeOff = dates.flatMap((date, d) =>
      added
        .filter((c) => (c.i + d) % 7 === 3)
        .map((c, k) => {
          const [from, to, reason] = [
            [9, 13, 'Hospital rounds'],
            [14, 20, 'Training'],
            [0, 24, 'On leave'],
          ][k % 3] as [number, number, string];
          const start = to === 24 ? localDayBounds(date, centre.zone).start : zonedTime(date, from, 0, centre.zone);
          const end = to === 24 ? localDayBounds(date, centre.zone).end : zonedTime(date, to, 0, centre.zone);
          return {
            organizationId,
            clinicianId: c.id,
            centreId: centre.id,
            kind: 'time_off' as const,
            startsAt: start,
            endsAt: end,
            reason,
          };
        }),
    );
    if (timeOff.length) await tx.insert(availabilityExceptions).values(timeOff);
  });

  const clinicianIds = await clinicianIdsAt();
  const [specs, rules, exceptions, types, patientRows] = await Promise.all([
    db
      .select({ id: clinicianProfiles.staffUserId, specialisations: clinicianProfiles.specialisations })
      .from(clinicianProfiles)
      .where(inArray(clinicianProfiles.staffUserId, clinicianIds)),
    db
      .select()
      .from(availabilityRules)
      .where(and(inArray(availabilityRules.clinicianId, clinicianIds), eq(availabilityRules.centreId, centre.id))),
    db.select().from(availabilityExceptions).where(inArray(availabilityExceptions.clinicianId, clinicianIds)),
    db
      .select()
      .from(appointmentTypes)
      .where(
        and(
          eq(appointmentTypes.organizationId, organizationId),
          eq(appointmentTypes.active, true),
          eq(appointmentTypes.mode, 'in_person'),
        ),
      ),
    db.select({ id: patients.id }).from(patients).where(eq(patients.organizationId, organizationId)),
  ]);

  type Candidate = { clinicianId: string; type: (typeof types)[number]; startsAt: Date; endsAt: Date };
  const rows = dates.flatMap((date) => {
    const day = localDayBounds(date, centre.zone);
    const candidates: Candidate[] = clinicianIds.flatMap((clinicianId) => {
      const theirSpecs = specs.find((s) => s.id === clinicianId)?.specialisations ?? [];
      const theirTypes = types.filter((t) => t.specialisation && theirSpecs.includes(t.specialisation));
      const weekly = rules.filter((r) => r.clinicianId === clinicianId).map((r) => asWeeklyRule(r, centre.zone));
      const off: AvailabilityException[] = exceptions
        .filter((e) => e.clinicianId === clinicianId)
        .map((e) => ({ kind: e.kind, start: e.startsAt.getTime(), end: e.endsAt.getTime() }));
      // The engine pads its window for zone safety; keep only this day's ranges.
      const ranges = workingRanges(
        weekly,
        off,
        { start: day.start.getTime(), end: day.end.getTime() },
        'in_person',
      ).filter((r) => r.start >= day.start.getTime() && r.end <= day.end.getTime());
      const out: Candidate[] = [];
      if (!theirTypes.length) return out;
      for (const range of ranges) {
        let cursor = range.start;
        for (;;) {
          const type = pick(next, theirTypes);
          const start = cursor + pick(next, GAPS_MINUTES) * 60_000 + type.bufferBeforeMinutes * 60_000;
          const end = start + type.durationMinutes * 60_000;
          if (end > range.end) break;
          out.push({ clinicianId, type, startsAt: new Date(start), endsAt: new Date(end) });
          cursor = end + type.bufferAfterMinutes * 60_000;
        }
      }
      return out;
    });
    if (candidates.length < FULL_DAY.appointments) {
      throw new Error(`full day: only ${candidates.length} free times on ${date}`);
    }
    // Leave a random few of the possible times free, as on a real day.
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const a = candidates[i];
      const b = candidates[j];
      if (a && b) [candidates[i], candidates[j]] = [b, a];
    }
    return candidates.slice(0, FULL_DAY.appointments).map((c) => ({
      organizationId,
      centreId: centre.id,
      clinicianId: c.clinicianId,
      patientId: pick(next, patientRows).id,
      typeId: c.type.id,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      bufferBeforeMinutes: c.type.bufferBeforeMinutes,
      bufferAfterMinutes: c.type.bufferAfterMinutes,
      status: next() < 0.7 ? ('confirmed' as const) : ('pending' as const),
      source: pick(next, ['dashboard', 'booking_site', 'phone', 'walk_in'] as const),
      feeMinor: c.type.priceMinor,
      currency: c.type.currency,
      notes: next() < 0.1 ? 'Bring previous reports' : null,
    }));
  });
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(appointments).values(rows.slice(i, i + 500));
  });
  return { centreId: centre.id, centreName: centre.name, clinicians: clinicianIds.length, appointments: rows.length };
}
