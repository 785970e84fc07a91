import { TZDate } from '@date-fns/tz';
import { subDays } from 'date-fns';
import { inQuietHours, type QuietHours, quietPeriodAround } from './quiet-hours';

const MINUTE = 60_000;

/** A reminder this soon after booking (or moving) adds nothing to the confirmation just sent. */
export const REMINDER_MIN_AFTER_BOOKING_MINUTES = 15;
/** A reminder pushed past quiet hours must still leave the patient this long before the visit. */
export const REMINDER_MIN_BEFORE_START_MINUTES = 30;

export type ReminderPlanInput = {
  startsAt: Date;
  /** When the patient booked, or when the appointment was last moved. */
  bookedAt: Date;
  now: Date;
  /** Minutes before the start, e.g. [1440, 120]; whole days keep the local time of day. */
  schedule: readonly number[];
  /** The centre's IANA zone: quiet hours and whole-day offsets are read on its wall clock. */
  zone: string;
  quietHours: QuietHours | null;
};

export type PlannedReminder = { offset: number; sendAt: Date };

/** A reminder as stored: sentAt is set once it went out. */
export type ReminderState = PlannedReminder & { sentAt?: Date | null };

/**
 * When the reminder would go without quiet hours. A whole number of days before keeps the wall
 * clock ("the day before at 10:00"), so across a DST change it is 23 or 25 hours; other offsets
 * are exact durations.
 */
function nominalSendAt(startsAt: Date, offset: number, zone: string): Date {
  if (offset % 1440 === 0) return new Date(subDays(new TZDate(startsAt.getTime(), zone), offset / 1440).getTime());
  return new Date(startsAt.getTime() - offset * MINUTE);
}

/**
 * Where a reminder falling in quiet hours goes: to the end of the quiet period when that still
 * leaves REMINDER_MIN_BEFORE_START_MINUTES before the visit, else to the minute before the quiet
 * period began (the evening before, for night-time quiet hours). Null when neither works.
 */
function outOfQuietHours(at: Date, input: ReminderPlanInput): Date | null {
  const period = quietPeriodAround(at, input.zone, input.quietHours);
  if (!period) return at;
  const latest = input.startsAt.getTime() - REMINDER_MIN_BEFORE_START_MINUTES * MINUTE;
  const candidates = [period.end, new Date(period.start.getTime() - MINUTE)];
  const fits = (c: Date) => !inQuietHours(c, input.zone, input.quietHours) && c.getTime() < input.startsAt.getTime();
  // Candidates are re-checked on the wall clock: around a DST change a computed bound can land
  // back inside the quiet hours, and then the other choice (or none) is taken.
  const after = candidates[0];
  if (after && after.getTime() <= latest && after.getTime() > at.getTime() && fits(after)) return after;
  const before = candidates[1];
  if (before && before.getTime() < at.getTime() && fits(before)) return before;
  return null;
}

/**
 * The reminders to send for an appointment, sorted by time. Rules, in order:
 * - an offset of zero or less would come at or after the start, so it is never planned;
 * - a reminder in quiet hours moves out of them (see outOfQuietHours);
 * - a reminder that would go before `now` (already past) or within
 *   REMINDER_MIN_AFTER_BOOKING_MINUTES of booking is dropped, never sent late;
 * - a reminder that cannot leave quiet hours is dropped rather than sent at night: it only
 *   happens for a visit booked late in the evening for early next morning, and the booking
 *   confirmation has just reached the patient. So no planned reminder is ever in quiet hours;
 * - two reminders landing on the same instant are sent once (the one further from the start).
 * The result depends only on the input, and planning later (a larger `now`) only drops reminders
 * that are now past, so a re-run never adds or moves one.
 */
export function planReminders(input: ReminderPlanInput): PlannedReminder[] {
  const earliest = Math.max(
    input.now.getTime(),
    input.bookedAt.getTime() + REMINDER_MIN_AFTER_BOOKING_MINUTES * MINUTE,
  );
  const offsets = [...new Set(input.schedule)].filter((o) => Number.isFinite(o) && o > 0).sort((a, b) => b - a);
  const plan: PlannedReminder[] = [];
  for (const offset of offsets) {
    const sendAt = outOfQuietHours(nominalSendAt(input.startsAt, offset, input.zone), input);
    if (!sendAt || sendAt.getTime() < earliest || sendAt.getTime() >= input.startsAt.getTime()) continue;
    if (plan.some((r) => r.sendAt.getTime() === sendAt.getTime())) continue;
    plan.push({ offset, sendAt });
  }
  return plan.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || b.offset - a.offset);
}

/** The reminders of a cancelled appointment still to stop: every one not yet sent, due or not. */
export function remindersToCancel<T extends ReminderState>(plan: readonly T[]): T[] {
  return plan.filter((r) => !r.sentAt);
}

/**
 * A moved appointment: every unsent reminder of the old plan is cancelled (it names the old time)
 * and the new plan is made from scratch, with `bookedAt` the moment of the move.
 */
export function replanReminders<T extends ReminderState>(
  oldPlan: readonly T[],
  input: ReminderPlanInput,
): { cancel: T[]; plan: PlannedReminder[] } {
  return { cancel: remindersToCancel(oldPlan), plan: planReminders(input) };
}
