import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';

/**
 * The start and end instants of a local calendar day in an IANA zone ("today at the centre",
 * wherever the server runs). DST days come out 23 or 25 hours long.
 */
export function localDayBounds(isoDate: string, zone: string): { start: Date; end: Date } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not an ISO date: ${isoDate}`);
  const start = new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), zone);
  const end = addDays(start, 1);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

/** The calendar date (YYYY-MM-DD) a wall clock in `zone` shows at `instant`. */
export function localDate(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), 'yyyy-MM-dd');
}

/** The instant at which the wall clock in `zone` shows hh:mm on the given local date. */
export function zonedTime(isoDate: string, hh: number, mm: number, zone: string): Date {
  const { start } = localDayBounds(isoDate, zone);
  const local = new TZDate(start.getTime(), zone);
  local.setHours(hh, mm, 0, 0);
  return new Date(local.getTime());
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats an instant as local wall-clock time in `zone`, e.g. "09:30". Hot in slot lists, so
 * one formatter per zone is kept.
 */
export function formatLocalTime(instant: Date, zone: string): string {
  let formatter = timeFormats.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(zone, formatter);
  }
  return formatter.format(instant);
}

/** Shifts a local date string by whole days. */
export function addLocalDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return t.toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local calendar date. */
export function isoWeekdayOf(isoDate: string): number {
  return ((new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** English month names, January first: for date pickers and for writing dates as people do. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
