import {
  BOOKING_WINDOW_SLACK_DAYS,
  type BusyBlock,
  computeSlots,
  type DaySlots,
  formatLocalTime,
  isoWeekdayOf,
  localDate,
  withinBookingWindow,
} from '@carelane/core';

const SLACK_MS = BOOKING_WINDOW_SLACK_DAYS * 86_400_000;

import type { DbOrTx } from '@carelane/db';
import { notFound } from '../errors';
import { notOffered } from './offered-types';
import { type FactsRequest, loadScheduleFacts, type ScheduleFacts } from './schedule-facts';

export type SlotRequest = FactsRequest & {
  /** Staff see every type and no notice or horizon limits; patients only what is bookable online. */
  audience: 'staff' | 'patient';
  /** A patient's own hold does not hide the slot from them. */
  patientId?: string | undefined;
};

/**
 * Reads one clinician's schedule and asks the pure slot engine for free start times. The same
 * function decides what the booking site shows and whether a patient's booking is still free, so
 * the two cannot disagree.
 */
export async function findSlots(db: DbOrTx, request: SlotRequest) {
  return slotsFromFacts(await loadScheduleFacts(db, request), request);
}

/** Free start times from facts already read; throws NOT_FOUND for what this audience may not see. */
export function slotsFromFacts(facts: ScheduleFacts, request: Omit<SlotRequest, keyof FactsRequest> & { now: Date }) {
  const { type, clinician, zone, rules, centreIds } = facts;
  if (!type || (request.audience === 'patient' && !type.onlineBookable)) throw notFound('Appointment type');
  if (!clinician || (request.audience === 'patient' && !clinician.listed)) throw notFound('Clinician');
  if (!clinician.offersType) throw notOffered(clinician.name, type.name);
  const now = request.now.getTime();
  const staff = request.audience === 'staff';
  const window = {
    now,
    minimumNoticeMinutes: staff ? 0 : type.minimumNoticeMinutes,
    horizonDays: staff ? 730 : type.bookingHorizonDays,
  };
  const days = withinBookingWindow(openSlots(facts, type, request.audience, request.patientId, now), window);

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

  return {
    zone,
    from: facts.from,
    to: facts.to,
    clinician: { id: clinician.id, name: clinician.name },
    type,
    days,
    centreFor,
  };
}

type OpenSlots = { days: DaySlots[]; validUntil: number };
/** Open slots per facts object and audience; only cached facts live long enough to reuse them. */
const openSlotsMemo = new WeakMap<ScheduleFacts, Map<string, OpenSlots>>();

/**
 * Free slots with no notice and BOOKING_WINDOW_SLACK_DAYS of extra horizon (see `withinBookingWindow`), computed once
 * per facts and audience and reused until a counted hold expires or the day's slack runs out.
 * A patient holding a time sees it free for them alone, so that answer is never shared.
 */
function openSlots(
  facts: ScheduleFacts,
  type: NonNullable<ScheduleFacts['type']>,
  audience: SlotRequest['audience'],
  patientId: string | undefined,
  now: number,
): DaySlots[] {
  const ownHold = facts.holds.some((h) => h.patientId === patientId && h.expiresAt > now);
  const memo = openSlotsMemo.get(facts)?.get(audience);
  if (memo && !ownHold && now < memo.validUntil) return memo.days;
  const holds = facts.holds.filter((h) => h.expiresAt > now && h.patientId !== patientId);
  const busy: BusyBlock[] = [
    ...facts.booked,
    ...holds.map((h) => ({ start: h.start, end: h.end, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 })),
  ];
  const days = computeSlots({
    zone: facts.zone,
    rules: facts.rules,
    exceptions: facts.exceptions,
    busy,
    durationMinutes: type.durationMinutes,
    bufferBeforeMinutes: type.bufferBeforeMinutes,
    bufferAfterMinutes: type.bufferAfterMinutes,
    intervalMinutes: type.slotIntervalMinutes,
    minimumNoticeMinutes: 0,
    horizonDays: (audience === 'staff' ? 730 : type.bookingHorizonDays) + BOOKING_WINDOW_SLACK_DAYS,
    now,
    from: facts.from,
    to: facts.to,
    mode: type.mode,
  });
  if (!ownHold) {
    const validUntil = Math.min(now + SLACK_MS, ...holds.map((h) => h.expiresAt));
    const byAudience = openSlotsMemo.get(facts) ?? new Map<string, OpenSlots>();
    byAudience.set(audience, { days, validUntil });
    openSlotsMemo.set(facts, byAudience);
  }
  return days;
}

/** Whether `startsAt` is one of the free start times on its local day (what the patient was shown). */
export async function isSlotFree(db: DbOrTx, request: Omit<SlotRequest, 'from' | 'days' | 'at'> & { startsAt: Date }) {
  const result = await findSlots(db, { ...request, at: request.startsAt, days: 1 });
  const free = result.days.some((d) => d.slots.some((s) => s.start === request.startsAt.getTime()));
  return { ...result, free };
}
