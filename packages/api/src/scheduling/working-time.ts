import {
  type AvailabilityException,
  type ConsultationMode,
  fullName,
  type HoursGap,
  hoursGap,
  hoursGapReason,
  hoursGapSentence,
  type WeeklyRule,
} from '@carelane/core';
import {
  appointments,
  availabilityExceptions,
  availabilityRules,
  centres,
  type DbOrTx,
  patients,
  staffUsers,
} from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import type { BookedVisit } from '../errors';
import type { Tenant } from '../tenancy';

/**
 * Staff booking inside working time. A staff booking, a series or a move must fall wholly inside
 * the clinician's working time at the booked centre, judged by the slot engine's own
 * `workingRanges` (weekly hours at that centre on the days it opens, plus extra hours, minus time
 * off and the centre's closures). Unlike the times offered to patients, any start minute counts
 * (no slot interval, notice or horizon), and the type's buffers may fall outside the hours: they
 * only keep other visits away, which the no-overlap constraint decides. Anything else is a
 * deliberate overbooking with a reason, as a clash is.
 */

const DAY_MS = 86_400_000;

export type WorkingTime = {
  zone: string;
  rules: WeeklyRule[];
  exceptions: AvailabilityException[];
  closedWeekdays: number[];
};

/**
 * Clinicians' working time at one centre for the days around [start, end): their weekly hours
 * there (without the weekdays the centre is closed), their own exceptions and the centre's closures.
 */
export async function loadWorkingTimes(
  db: DbOrTx,
  tenant: Tenant,
  at: { clinicianIds: string[]; centreId: string; start: Date; end: Date },
): Promise<Map<string, WorkingTime>> {
  const from = new Date(at.start.getTime() - DAY_MS);
  const to = new Date(at.end.getTime() + DAY_MS);
  const ids = at.clinicianIds;
  if (!ids.length) return new Map();
  const [centreRows, ruleRows, exceptionRows] = await Promise.all([
    db
      .select({ zone: centres.zone, openingDays: centres.openingDays })
      .from(centres)
      .where(tenant.where(centres, eq(centres.id, at.centreId))),
    db
      .select()
      .from(availabilityRules)
      .where(
        tenant.where(
          availabilityRules,
          inArray(availabilityRules.clinicianId, ids),
          eq(availabilityRules.centreId, at.centreId),
        ),
      ),
    db
      .select({
        clinicianId: availabilityExceptions.clinicianId,
        kind: availabilityExceptions.kind,
        startsAt: availabilityExceptions.startsAt,
        endsAt: availabilityExceptions.endsAt,
      })
      .from(availabilityExceptions)
      .where(
        tenant.where(
          availabilityExceptions,
          lt(availabilityExceptions.startsAt, to),
          gt(availabilityExceptions.endsAt, from),
          or(
            inArray(availabilityExceptions.clinicianId, ids),
            and(isNull(availabilityExceptions.clinicianId), eq(availabilityExceptions.centreId, at.centreId)),
          ),
        ),
      ),
  ]);
  const zone = centreRows[0]?.zone ?? 'UTC';
  const openingDays = centreRows[0]?.openingDays ?? [1, 2, 3, 4, 5, 6, 7];
  const closedWeekdays = [1, 2, 3, 4, 5, 6, 7].filter((d) => !openingDays.includes(d));
  const times = new Map<string, WorkingTime>();
  for (const clinicianId of at.clinicianIds) {
    times.set(clinicianId, {
      zone,
      rules: ruleRows
        .filter((r) => r.clinicianId === clinicianId && openingDays.includes(r.weekday))
        .map((r) => ({
          weekday: r.weekday,
          start: r.startTime,
          end: r.endTime,
          validFrom: r.validFrom,
          validTo: r.validTo,
          zone,
          mode: r.mode,
        })),
      exceptions: exceptionRows
        .filter((e) => e.clinicianId === clinicianId || e.clinicianId === null)
        .map((e) => ({ kind: e.kind, start: e.startsAt.getTime(), end: e.endsAt.getTime() })),
      closedWeekdays,
    });
  }
  return times;
}

/** One clinician's working time at one centre around [start, end) (see `loadWorkingTimes`). */
export async function loadWorkingTime(
  db: DbOrTx,
  tenant: Tenant,
  at: { clinicianId: string; centreId: string; start: Date; end: Date },
): Promise<WorkingTime> {
  const times = await loadWorkingTimes(db, tenant, { ...at, clinicianIds: [at.clinicianId] });
  const time = times.get(at.clinicianId);
  if (!time) throw new Error('No working time loaded');
  return time;
}

/** Why a visit falls outside the working time, or null when it lies wholly inside. */
export function workingTimeGap(
  time: WorkingTime,
  visit: { startsAt: Date; endsAt: Date; mode?: ConsultationMode | undefined },
): HoursGap | null {
  return hoursGap({
    ...time,
    ...(visit.mode ? { mode: visit.mode } : {}),
    start: visit.startsAt.getTime(),
    end: visit.endsAt.getTime(),
  });
}

export type StaffVisit = {
  clinician: { id: string; name: string };
  centreId: string;
  startsAt: Date;
  endsAt: Date;
  mode?: ConsultationMode | undefined;
};

/** The sentence for a visit outside working time ("Dr. X does not work at 13:00 on …"), or null. */
export async function outsideWorkingTime(db: DbOrTx, tenant: Tenant, visit: StaffVisit): Promise<string | null> {
  const time = await loadWorkingTime(db, tenant, {
    clinicianId: visit.clinician.id,
    centreId: visit.centreId,
    start: visit.startsAt,
    end: visit.endsAt,
  });
  const gap = workingTimeGap(time, visit);
  if (!gap) return null;
  const span = { start: visit.startsAt.getTime(), end: visit.endsAt.getTime() };
  return hoursGapSentence(visit.clinician.name, gap, span, time.zone);
}

/** CONFLICT naming the gap unless the visit lies inside working time (an overbooking skips this). */
export async function requireWorkingTime(db: DbOrTx, tenant: Tenant, visit: StaffVisit): Promise<void> {
  const sentence = await outsideWorkingTime(db, tenant, visit);
  if (sentence) {
    throw new TRPCError({ code: 'CONFLICT', message: `${sentence} Choose another time, or overbook with a reason.` });
  }
}

/**
 * Visits still to come (not cancelled, completed or missed, not yet over) that meet [start, end):
 * of one clinician (time off), or at one centre (a closure). What the person adding it must see first.
 */
export async function bookedVisitsIn(
  db: DbOrTx,
  tenant: Tenant,
  range: { clinicianId?: string | undefined; centreId?: string | undefined; start: Date; end: Date; now: Date },
): Promise<BookedVisit[]> {
  const rows = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      firstName: patients.firstName,
      lastName: patients.lastName,
      clinicianName: staffUsers.name,
      centreName: centres.name,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(staffUsers, eq(staffUsers.id, appointments.clinicianId))
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .where(
      tenant.where(
        appointments,
        inArray(appointments.status, ['pending', 'confirmed', 'checked_in']),
        range.clinicianId ? eq(appointments.clinicianId, range.clinicianId) : undefined,
        range.centreId ? eq(appointments.centreId, range.centreId) : undefined,
        lt(appointments.startsAt, range.end),
        gt(appointments.endsAt, new Date(Math.max(range.start.getTime(), range.now.getTime()))),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    patientName: fullName({ firstName: r.firstName, lastName: r.lastName }),
    clinicianName: r.clinicianName,
    centreName: r.centreName,
  }));
}

type ShownVisit = {
  id: string;
  clinicianId: string;
  startsAt: Date;
  endsAt: Date;
  mode: ConsultationMode;
  status: string;
  overbooked: boolean;
};

/**
 * For the calendar and the Today page: each visit still to come that falls outside its clinician's
 * working time at the centre (time off or a closure added over it, hours changed), with the sentence to show ("Off: time off 10:00–13:00 — move or cancel").
 * Computed on every read, so it disappears as soon as the visit is moved or cancelled.
 */
export async function offHoursNotes(
  db: DbOrTx,
  tenant: Tenant,
  centreId: string,
  visits: readonly ShownVisit[],
  now: Date,
): Promise<Map<string, string>> {
  // An overbooking was placed outside the hours on purpose, with a reason, and is marked as such.
  const open = visits.filter((v) => ACTIVE.has(v.status) && !v.overbooked && v.endsAt > now);
  const notes = new Map<string, string>();
  if (!open.length) return notes;
  const start = new Date(Math.min(...open.map((v) => v.startsAt.getTime())));
  const end = new Date(Math.max(...open.map((v) => v.endsAt.getTime())));
  const clinicianIds = [...new Set(open.map((v) => v.clinicianId))];
  const times = await loadWorkingTimes(db, tenant, { clinicianIds, centreId, start, end });
  for (const visit of open) {
    const time = times.get(visit.clinicianId);
    const gap = time ? workingTimeGap(time, visit) : null;
    if (time && gap) notes.set(visit.id, `Off: ${hoursGapReason(gap, time.zone)} — move or cancel`);
  }
  return notes;
}

const ACTIVE = new Set(['pending', 'confirmed', 'checked_in']);
