import { addLocalDays, formatLocalTime, localDate, zonedTime } from '../time';

/**
 * Local wall-clock times ("HH:mm") between which no reminder goes out, e.g. 21:00 to 08:00. The
 * period may run over midnight; start equal to end means no quiet hours.
 */
export type QuietHours = { start: string; end: string };

/** "HH:mm", 00:00 to 23:59: the shape settings forms accept for quiet hours. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of an "HH:mm" text; RangeError for anything else. */
export function clockMinutes(text: string): number {
  const match = CLOCK_TIME.exec(text);
  if (!match) throw new RangeError(`Not a time of day (HH:mm): ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes after local midnight that the wall clock in `zone` shows at `instant`. */
function wallMinutes(instant: Date, zone: string): number {
  return clockMinutes(formatLocalTime(instant, zone));
}

/** Whether the wall clock in `zone` shows a time inside the quiet hours at `instant`. */
export function inQuietHours(instant: Date, zone: string, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  const m = wallMinutes(instant, zone);
  if (start === end) return false;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/**
 * The quiet period holding `instant` as instants: when it began and when it ends, each on its own
 * local date (a period over midnight starts the day before it ends). Null when not in quiet hours.
 */
export function quietPeriodAround(
  instant: Date,
  zone: string,
  quiet: QuietHours | null,
): { start: Date; end: Date } | null {
  if (!quiet || !inQuietHours(instant, zone, quiet)) return null;
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  const day = localDate(instant, zone);
  const m = wallMinutes(instant, zone);
  // Over midnight and already past it: the period began yesterday; before midnight: it ends tomorrow.
  const startDay = start > end && m < end ? addLocalDays(day, -1) : day;
  const endDay = start > end && m >= start ? addLocalDays(day, 1) : day;
  return {
    start: zonedTime(startDay, Math.floor(start / 60), start % 60, zone),
    end: zonedTime(endDay, Math.floor(end / 60), end % 60, zone),
  };
}
