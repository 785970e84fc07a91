import {
  type AvailabilityException,
  addLocalDays,
  fullName,
  isoWeekdayOf,
  localDate,
  localDayBounds,
  type WeeklyRule,
  workingRanges,
} from '@carelane/core';
import {
  appointments,
  appointmentTypes,
  availabilityExceptions,
  availabilityRules,
  centres,
  clinicianProfiles,
  patients,
  staffCentres,
  staffUsers,
} from '@carelane/db';
import { and, asc, eq, exists, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { notFound } from '../../errors';
import { offHoursNotes } from '../../scheduling/working-time';
import { requireCentre, visibleCentres } from '../../scope';
import type { StaffContext } from '../../trpc';
import type { CalendarViewInput } from './view.schema';

type Span = { start: Date; end: Date };

/**
 * The calendar: a day with one column per clinician of a centre, or a week of one clinician.
 * Each column carries its working hours (rules plus exceptions, through the slot engine's own
 * `workingRanges`), blocked time and appointments, so the grid only draws.
 */
export async function calendarViewHandler({ ctx, input }: { ctx: StaffContext; input: CalendarViewInput }) {
  const centreId =
    input.centreId ?? ctx.principal.defaultCentreId ?? (await visibleCentres(ctx.db, ctx.principal))[0]?.id;
  if (!centreId) throw notFound('Centre');
  const centre = await requireCentre(ctx.db, ctx.principal, centreId);
  const zone = centre.zone;
  const today = localDate(new Date(), zone);
  const anchor = input.date ?? today;

  const monday = addLocalDays(anchor, 1 - isoWeekdayOf(anchor));
  const dates = input.view === 'week' ? Array.from({ length: 7 }, (_, i) => addLocalDays(monday, i)) : [anchor];
  const first = dates[0] ?? anchor;
  const last = dates[dates.length - 1] ?? anchor;
  const span: Span = { start: localDayBounds(first, zone).start, end: localDayBounds(last, zone).end };

  // Active clinicians of the centre, and a deactivated one while they still have visits here in
  // the span: those visits are listed to be moved, and the calendar is where they are moved from.
  const visitsHere = ctx.db
    .select({ one: sql`1` })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicianId, staffUsers.id),
        eq(appointments.centreId, centre.id),
        ne(appointments.status, 'cancelled'),
        lt(appointments.startsAt, span.end),
        gt(appointments.endsAt, span.start),
      ),
    );
  const clinicians = await ctx.db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      active: staffUsers.active,
      specialisations: clinicianProfiles.specialisations,
    })
    .from(staffUsers)
    .innerJoin(staffCentres, and(eq(staffCentres.staffUserId, staffUsers.id), eq(staffCentres.centreId, centre.id)))
    .innerJoin(clinicianProfiles, eq(clinicianProfiles.staffUserId, staffUsers.id))
    .where(
      ctx.tenant.where(
        staffUsers,
        eq(staffUsers.role, 'clinician'),
        or(eq(staffUsers.active, true), exists(visitsHere)),
      ),
    )
    .orderBy(asc(staffUsers.name));

  let shown = clinicians;
  if (input.view === 'week') {
    const one = clinicians.find((c) => c.id === input.clinicianId);
    if (!one) throw notFound('Clinician');
    shown = [one];
  }
  const ids = shown.map((c) => c.id);

  const [rules, exceptions, rows] = ids.length
    ? await Promise.all([
        ctx.db
          .select({ rule: availabilityRules, zone: centres.zone })
          .from(availabilityRules)
          .innerJoin(centres, eq(centres.id, availabilityRules.centreId))
          .where(and(inArray(availabilityRules.clinicianId, ids), eq(availabilityRules.centreId, centre.id))),
        ctx.db
          .select()
          .from(availabilityExceptions)
          .where(
            ctx.tenant.where(
              availabilityExceptions,
              lt(availabilityExceptions.startsAt, span.end),
              gt(availabilityExceptions.endsAt, span.start),
              or(
                inArray(availabilityExceptions.clinicianId, ids),
                and(isNull(availabilityExceptions.clinicianId), eq(availabilityExceptions.centreId, centre.id)),
              ),
            ),
          ),
        ctx.db
          .select({
            id: appointments.id,
            clinicianId: appointments.clinicianId,
            startsAt: appointments.startsAt,
            endsAt: appointments.endsAt,
            status: appointments.status,
            mode: appointments.mode,
            overbooked: appointments.overbooked,
            overbookReason: appointments.overbookReason,
            lateCancellation: appointments.lateCancellation,
            patientConfirmedAt: appointments.patientConfirmedAt,
            patientConfirmedVia: appointments.patientConfirmedVia,
            notes: appointments.notes,
            source: appointments.source,
            feeMinor: appointments.feeMinor,
            currency: appointments.currency,
            paymentStatus: appointments.paymentStatus,
            patient: {
              id: patients.id,
              firstName: patients.firstName,
              lastName: patients.lastName,
              mrn: patients.mrn,
              phone: patients.phone,
            },
            type: { id: appointmentTypes.id, name: appointmentTypes.name, colour: appointmentTypes.colour },
          })
          .from(appointments)
          .innerJoin(patients, eq(patients.id, appointments.patientId))
          .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
          .where(
            ctx.tenant.where(
              appointments,
              eq(appointments.centreId, centre.id),
              inArray(appointments.clinicianId, ids),
              ne(appointments.status, 'cancelled'),
              lt(appointments.startsAt, span.end),
              gt(appointments.endsAt, span.start),
              // A lower bound on the indexed start too, or the index scan would read all history
              // before the span; no appointment lasts a day (types are at most 8 hours).
              gt(appointments.startsAt, new Date(span.start.getTime() - 86_400_000)),
            ),
          )
          .orderBy(asc(appointments.startsAt)),
      ])
    : [[], [], []];

  // Visits to come outside working time (time off added over them, ...), judged on every read.
  const offHours = await offHoursNotes(ctx.db, ctx.tenant, centre.id, rows, new Date());
  // Bounds of each date once: a zone conversion per appointment cost most of this handler's time.
  const bounds = new Map(dates.map((date) => [date, localDayBounds(date, zone)]));
  const dayOf = (date: string) => bounds.get(date) ?? localDayBounds(date, zone);
  const rowsOf = groupBy(rows, (a) => a.clinicianId);
  const rulesOf = groupBy(rules, (r) => r.rule.clinicianId);
  const centreWide = exceptions.filter((e) => e.clinicianId === null);
  const exceptionsOf = groupBy(exceptions, (e) => e.clinicianId ?? '');

  const columns = shown.flatMap((clinician) => {
    const theirRules = (rulesOf.get(clinician.id) ?? []).map(({ rule, zone: z }) => asWeeklyRule(rule, z));
    const theirExceptions = [...(exceptionsOf.get(clinician.id) ?? []), ...centreWide];
    const asEngine: AvailabilityException[] = theirExceptions.map((e) => ({
      kind: e.kind,
      start: e.startsAt.getTime(),
      end: e.endsAt.getTime(),
    }));
    const theirRows = rowsOf.get(clinician.id) ?? [];
    return dates.map((date) => {
      const day = dayOf(date);
      const clip = (i: { start: number; end: number }) => ({
        start: new Date(Math.max(i.start, day.start.getTime())),
        end: new Date(Math.min(i.end, day.end.getTime())),
      });
      const inDay = (i: { start: number; end: number }) => i.start < day.end.getTime() && i.end > day.start.getTime();
      const working = workingRanges(theirRules, asEngine, { start: day.start.getTime(), end: day.end.getTime() })
        .filter(inDay)
        .map(clip);
      const blocked = theirExceptions
        .filter((e) => e.kind !== 'extra_hours' && inDay({ start: e.startsAt.getTime(), end: e.endsAt.getTime() }))
        .map((e) => ({
          ...clip({ start: e.startsAt.getTime(), end: e.endsAt.getTime() }),
          reason: e.reason ?? (e.kind === 'closure' ? 'Centre closed' : 'Time off'),
        }));
      return {
        key: `${clinician.id}:${date}`,
        clinicianId: clinician.id,
        clinicianName: clinician.name,
        /** False for a deactivated clinician shown only for the visits still to move. */
        active: clinician.active,
        specialisations: clinician.specialisations,
        date,
        working,
        blocked,
        appointments: theirRows
          .filter((a) => a.startsAt < day.end && a.endsAt > day.start)
          .map(({ patient, ...a }) => ({
            ...a,
            offHours: offHours.get(a.id) ?? null,
            patient: {
              id: patient.id,
              mrn: patient.mrn,
              phone: patient.phone,
              name: fullName(patient),
            },
          })),
      };
    });
  });

  // The visible hours: 08:00–20:00 at least, widened to whatever is on the calendar.
  let startHour = 8;
  let endHour = 20;
  for (const col of columns) {
    const dayStart = dayOf(col.date).start.getTime();
    const hourOf = (d: Date) => (d.getTime() - dayStart) / 3_600_000;
    for (const item of [...col.working, ...col.appointments.map((a) => ({ start: a.startsAt, end: a.endsAt }))]) {
      startHour = Math.min(startHour, Math.floor(hourOf(item.start)));
      endHour = Math.max(endHour, Math.ceil(hourOf(item.end)));
    }
  }

  return {
    view: input.view,
    centre,
    zone,
    today,
    date: anchor,
    dates,
    clinicians,
    columns,
    hours: { start: Math.max(0, startHour), end: Math.min(24, endHour) },
  };
}

/** A stored weekly-hours row as the slot engine reads it, in its centre's zone. */
export function asWeeklyRule(rule: typeof availabilityRules.$inferSelect, zone: string): WeeklyRule {
  return {
    weekday: rule.weekday,
    start: rule.startTime,
    end: rule.endTime,
    validFrom: rule.validFrom,
    validTo: rule.validTo,
    zone,
    mode: rule.mode,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
