import {
  type AvailabilityException,
  addLocalDays,
  type BusyBlock,
  computeSlots,
  formatLocalTime,
  isoWeekdayOf,
  localDate,
  localDayBounds,
  type WeeklyRule,
} from '@carelane/core';
import {
  appointments,
  appointmentTypes,
  availabilityExceptions,
  availabilityRules,
  centres,
  clinicianProfiles,
  type DbOrTx,
  slotHolds,
  staffUsers,
} from '@carelane/db';
import { and, eq, gt, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import { notFound } from '../../errors';

export type SlotRequest = {
  organizationId: string;
  clinicianId: string;
  typeId: string;
  /** First local date to search (in the clinician's centre zone); today when omitted. */
  from?: string | undefined;
  /** Search the local day containing this instant instead (the zone is known only after loading). */
  at?: Date | undefined;
  days: number;
  now: Date;
  /** Staff see every type and no notice or horizon limits; patients only what is bookable online. */
  audience: 'staff' | 'patient';
  /** A patient's own hold does not hide the slot from them. */
  patientId?: string | undefined;
  /** When moving an appointment, its own current time is not busy. */
  ignoreAppointmentId?: string | undefined;
};

const MAX_BUFFER_MS = 4 * 3_600_000;

/**
 * Gathers one clinician's rules, exceptions, appointments and holds for a window and asks the
 * pure slot engine for free start times. The same function decides what the booking site shows
 * and whether a patient's booking is still free, so the two cannot disagree.
 */
export async function findSlots(db: DbOrTx, request: SlotRequest) {
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(
      and(
        eq(appointmentTypes.id, request.typeId),
        eq(appointmentTypes.organizationId, request.organizationId),
        eq(appointmentTypes.active, true),
      ),
    );
  if (!type || (request.audience === 'patient' && !type.onlineBookable)) throw notFound('Appointment type');
  const [clinician] = await db
    .select({ id: staffUsers.id, name: staffUsers.name, listed: clinicianProfiles.listed })
    .from(staffUsers)
    .innerJoin(clinicianProfiles, eq(clinicianProfiles.staffUserId, staffUsers.id))
    .where(
      and(
        eq(staffUsers.id, request.clinicianId),
        eq(staffUsers.organizationId, request.organizationId),
        eq(staffUsers.active, true),
      ),
    );
  if (!clinician || (request.audience === 'patient' && !clinician.listed)) throw notFound('Clinician');

  const ruleRows = await db
    .select({ rule: availabilityRules, zone: centres.zone, centreId: centres.id })
    .from(availabilityRules)
    .innerJoin(centres, eq(centres.id, availabilityRules.centreId))
    .where(and(eq(availabilityRules.clinicianId, clinician.id), eq(centres.active, true)));
  const zone = ruleRows[0]?.zone ?? 'UTC';
  const from = request.at ? localDate(request.at, zone) : (request.from ?? localDate(request.now, zone));
  const to = addLocalDays(from, request.days - 1);
  const windowStart = new Date(localDayBounds(from, zone).start.getTime() - MAX_BUFFER_MS);
  const windowEnd = new Date(localDayBounds(to, zone).end.getTime() + MAX_BUFFER_MS);
  const centreIds = [...new Set(ruleRows.map((r) => r.centreId))];

  const rules: Array<WeeklyRule & { centreId: string }> = ruleRows.map(({ rule, zone: ruleZone }) => ({
    weekday: rule.weekday,
    start: rule.startTime,
    end: rule.endTime,
    validFrom: rule.validFrom,
    validTo: rule.validTo,
    zone: ruleZone,
    mode: rule.mode,
    centreId: rule.centreId,
  }));

  const exceptionRows = await db
    .select({
      kind: availabilityExceptions.kind,
      start: availabilityExceptions.startsAt,
      end: availabilityExceptions.endsAt,
    })
    .from(availabilityExceptions)
    .where(
      and(
        eq(availabilityExceptions.organizationId, request.organizationId),
        lt(availabilityExceptions.startsAt, windowEnd),
        gt(availabilityExceptions.endsAt, windowStart),
        or(
          eq(availabilityExceptions.clinicianId, clinician.id),
          centreIds.length
            ? and(isNull(availabilityExceptions.clinicianId), inArray(availabilityExceptions.centreId, centreIds))
            : undefined,
        ),
      ),
    );
  const exceptions: AvailabilityException[] = exceptionRows.map((e) => ({
    kind: e.kind,
    start: e.start.getTime(),
    end: e.end.getTime(),
  }));

  const booked = await db
    .select({
      start: appointments.startsAt,
      end: appointments.endsAt,
      before: appointmentTypes.bufferBeforeMinutes,
      after: appointmentTypes.bufferAfterMinutes,
    })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .where(
      and(
        eq(appointments.clinicianId, clinician.id),
        ne(appointments.status, 'cancelled'),
        ...(request.ignoreAppointmentId ? [ne(appointments.id, request.ignoreAppointmentId)] : []),
        lt(appointments.startsAt, windowEnd),
        gt(appointments.endsAt, windowStart),
      ),
    );
  const holds = await db
    .select({ start: slotHolds.startsAt, end: slotHolds.endsAt, patientId: slotHolds.patientId })
    .from(slotHolds)
    .where(
      and(
        eq(slotHolds.clinicianId, clinician.id),
        gt(slotHolds.expiresAt, request.now),
        lt(slotHolds.startsAt, windowEnd),
        gt(slotHolds.endsAt, windowStart),
      ),
    );
  const busy: BusyBlock[] = [
    ...booked.map((b) => ({
      start: b.start.getTime(),
      end: b.end.getTime(),
      bufferBeforeMinutes: b.before,
      bufferAfterMinutes: b.after,
    })),
    ...holds
      .filter((h) => h.patientId !== request.patientId)
      .map((h) => ({ start: h.start.getTime(), end: h.end.getTime(), bufferBeforeMinutes: 0, bufferAfterMinutes: 0 })),
  ];

  const staff = request.audience === 'staff';
  const days = computeSlots({
    zone,
    rules,
    exceptions,
    busy,
    durationMinutes: type.durationMinutes,
    bufferBeforeMinutes: type.bufferBeforeMinutes,
    bufferAfterMinutes: type.bufferAfterMinutes,
    intervalMinutes: type.slotIntervalMinutes,
    minimumNoticeMinutes: staff ? 0 : type.minimumNoticeMinutes,
    horizonDays: staff ? 730 : type.bookingHorizonDays,
    now: request.now.getTime(),
    from,
    to,
    mode: type.mode,
  });

  /** The centre whose weekly hours contain a slot (a clinician may work at several). */
  const centreFor = (start: number) => {
    const instant = new Date(start);
    const rule = rules.find((r) => {
      const date = localDate(instant, r.zone);
      const time = formatLocalTime(instant, r.zone);
      return isoWeekdayOf(date) === r.weekday && time >= r.start.slice(0, 5) && time < r.end.slice(0, 5);
    });
    return rule?.centreId ?? centreIds[0] ?? null;
  };

  return { zone, from, to, clinician: { id: clinician.id, name: clinician.name }, type, days, centreFor };
}

/** Whether `startsAt` is one of the free start times on its local day (what the patient was shown). */
export async function isSlotFree(db: DbOrTx, request: Omit<SlotRequest, 'from' | 'days' | 'at'> & { startsAt: Date }) {
  const result = await findSlots(db, { ...request, at: request.startsAt, days: 1 });
  const free = result.days.some((d) => d.slots.some((s) => s.start === request.startsAt.getTime()));
  return { ...result, free };
}
