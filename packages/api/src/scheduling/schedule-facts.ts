import {
  type AvailabilityException,
  addLocalDays,
  type BusyBlock,
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
  clinicianAppointmentTypes,
  clinicianProfiles,
  type DbOrTx,
  slotHolds,
  staffUsers,
} from '@carelane/db';
import { and, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { tenantOf } from '../tenancy';

/** What a slot search reads from the database: one clinician, one type, one window of days. */
export type FactsRequest = {
  organizationId: string;
  clinicianId: string;
  typeId: string;
  /** First local date (in the clinician's centre zone); today when omitted. */
  from?: string | undefined;
  /** Search the local day containing this instant instead (the zone is known only after loading). */
  at?: Date | undefined;
  days: number;
  now: Date;
  /** When moving an appointment, its own current time is not busy. */
  ignoreAppointmentId?: string | undefined;
};

export type ScheduleFacts = {
  /** The type, active, of this organization; null when there is none. */
  type: typeof appointmentTypes.$inferSelect | null;
  /** The clinician, active, of this organization; null when there is none. `offersType`: the type is one they offer. */
  clinician: { id: string; name: string; listed: boolean; offersType: boolean } | null;
  zone: string;
  from: string;
  to: string;
  rules: Array<WeeklyRule & { centreId: string }>;
  centreIds: string[];
  exceptions: AvailabilityException[];
  /** Appointments, each with the buffers it was booked with. */
  booked: BusyBlock[];
  /** Holds that had not expired when loaded; the caller drops those expired since. */
  holds: Array<{ start: number; end: number; patientId: string; expiresAt: number }>;
};

const MAX_BUFFER_MS = 4 * 3_600_000;

/**
 * Reads a clinician's rules, exceptions, appointments and holds around a window of local days.
 * Two rounds of independent queries run side by side: what defines the window (type, clinician,
 * rules and their zone), then what falls inside it.
 */
export async function loadScheduleFacts(db: DbOrTx, request: FactsRequest): Promise<ScheduleFacts> {
  const tenant = tenantOf(request.organizationId);
  const [typeRows, clinicianRows, ruleRows] = await Promise.all([
    db
      .select()
      .from(appointmentTypes)
      .where(
        tenant.where(appointmentTypes, eq(appointmentTypes.id, request.typeId), eq(appointmentTypes.active, true)),
      ),
    db
      .select({
        id: staffUsers.id,
        name: staffUsers.name,
        listed: clinicianProfiles.listed,
        offersType: sql<boolean>`${clinicianAppointmentTypes.typeId} is not null`,
      })
      .from(staffUsers)
      .innerJoin(clinicianProfiles, eq(clinicianProfiles.staffUserId, staffUsers.id))
      .leftJoin(
        clinicianAppointmentTypes,
        and(
          tenant.owns(clinicianAppointmentTypes),
          eq(clinicianAppointmentTypes.clinicianId, staffUsers.id),
          eq(clinicianAppointmentTypes.typeId, request.typeId),
        ),
      )
      .where(tenant.where(staffUsers, eq(staffUsers.id, request.clinicianId), eq(staffUsers.active, true))),
    db
      .select({ rule: availabilityRules, zone: centres.zone, centreId: centres.id, openingDays: centres.openingDays })
      .from(availabilityRules)
      .innerJoin(centres, eq(centres.id, availabilityRules.centreId))
      .where(
        tenant.where(
          availabilityRules,
          eq(availabilityRules.clinicianId, request.clinicianId),
          eq(centres.active, true),
        ),
      ),
  ]);
  const type = typeRows[0] ?? null;
  const clinician = clinicianRows[0] ?? null;
  const zone = ruleRows[0]?.zone ?? 'UTC';
  const from = request.at ? localDate(request.at, zone) : (request.from ?? localDate(request.now, zone));
  const to = addLocalDays(from, request.days - 1);
  // A weekday the centre is closed has no hours there, whatever the clinician's rules say.
  const openRuleRows = ruleRows.filter((r) => r.openingDays.includes(r.rule.weekday));
  const rules = openRuleRows.map(({ rule, zone: ruleZone }) => ({
    weekday: rule.weekday,
    start: rule.startTime,
    end: rule.endTime,
    validFrom: rule.validFrom,
    validTo: rule.validTo,
    zone: ruleZone,
    mode: rule.mode,
    centreId: rule.centreId,
  }));
  const centreIds = [...new Set(ruleRows.map((r) => r.centreId))];
  if (!type || !clinician)
    return { type, clinician, zone, from, to, rules, centreIds, exceptions: [], booked: [], holds: [] };

  const windowStart = new Date(localDayBounds(from, zone).start.getTime() - MAX_BUFFER_MS);
  const windowEnd = new Date(localDayBounds(to, zone).end.getTime() + MAX_BUFFER_MS);
  const [exceptionRows, bookedRows, holdRows] = await Promise.all([
    db
      .select({
        kind: availabilityExceptions.kind,
        start: availabilityExceptions.startsAt,
        end: availabilityExceptions.endsAt,
      })
      .from(availabilityExceptions)
      .where(
        tenant.where(
          availabilityExceptions,
          lt(availabilityExceptions.startsAt, windowEnd),
          gt(availabilityExceptions.endsAt, windowStart),
          or(
            eq(availabilityExceptions.clinicianId, clinician.id),
            centreIds.length
              ? and(isNull(availabilityExceptions.clinicianId), inArray(availabilityExceptions.centreId, centreIds))
              : undefined,
          ),
        ),
      ),
    db
      .select({
        start: appointments.startsAt,
        end: appointments.endsAt,
        before: appointments.bufferBeforeMinutes,
        after: appointments.bufferAfterMinutes,
      })
      .from(appointments)
      .where(
        and(
          eq(appointments.clinicianId, clinician.id),
          ne(appointments.status, 'cancelled'),
          ...(request.ignoreAppointmentId ? [ne(appointments.id, request.ignoreAppointmentId)] : []),
          lt(appointments.startsAt, windowEnd),
          gt(appointments.endsAt, windowStart),
        ),
      ),
    db
      .select({
        start: slotHolds.startsAt,
        end: slotHolds.endsAt,
        patientId: slotHolds.patientId,
        expiresAt: slotHolds.expiresAt,
      })
      .from(slotHolds)
      .where(
        and(
          eq(slotHolds.clinicianId, clinician.id),
          gt(slotHolds.expiresAt, request.now),
          lt(slotHolds.startsAt, windowEnd),
          gt(slotHolds.endsAt, windowStart),
        ),
      ),
  ]);
  return {
    type,
    clinician,
    zone,
    from,
    to,
    rules,
    centreIds,
    exceptions: exceptionRows.map((e) => ({ kind: e.kind, start: e.start.getTime(), end: e.end.getTime() })),
    booked: bookedRows.map((b) => ({
      start: b.start.getTime(),
      end: b.end.getTime(),
      bufferBeforeMinutes: b.before,
      bufferAfterMinutes: b.after,
    })),
    holds: holdRows.map((h) => ({
      start: h.start.getTime(),
      end: h.end.getTime(),
      patientId: h.patientId,
      expiresAt: h.expiresAt.getTime(),
    })),
  };
}
