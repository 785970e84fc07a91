import { tzOffset } from '@date-fns/tz';
import type { LocalDate, WallTime } from './types';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * How one zone's clock behaves around one local date: the UTC offset before and after the (at most
 * one) change near that date, and the instant of the change. Real offsets run from −12:00 to +14:00,
 * so every wall time of the date falls in [midnight − 14 h, next midnight + 12 h]; we assume no zone
 * changes its offset twice within those 50 hours (true of every DST rule in use). Building one costs
 * two `Intl` calls (about 20 on a DST day, to find the change); after that every wall time on the
 * date converts with arithmetic alone.
 */
type DayClock = {
  /** Local midnight read as if it were UTC. */
  midnight: number;
  before: number;
  after: number;
  /** First instant with the `after` offset; Infinity when the offset does not change. */
  change: number;
};

// Offsets are a fact of the tz database, not of any query, so the memo is shared; bounded in size.
const clocks = new Map<string, Map<number, DayClock>>();
let clockCount = 0;
const MAX_CLOCKS = 50_000;

/** UTC offset of `zone` at `instant`, in ms. */
export function offsetMs(zone: string, instant: number): number {
  const minutes = tzOffset(zone, new Date(instant));
  if (!Number.isFinite(minutes)) throw new RangeError(`Unknown time zone: ${zone}`);
  return Math.round(minutes * MINUTE_MS);
}

function dayClock(zone: string, day: number): DayClock {
  let byDay = clocks.get(zone);
  const cached = byDay?.get(day);
  if (cached) return cached;
  const midnight = day * DAY_MS;
  const first = midnight - 14 * HOUR_MS;
  const last = midnight + DAY_MS + 12 * HOUR_MS;
  const before = offsetMs(zone, first);
  const after = offsetMs(zone, last);
  let change = Number.POSITIVE_INFINITY;
  if (before !== after) {
    // Offsets change on whole seconds: bisect to the second.
    let lo = first;
    let hi = last;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetMs(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    change = hi;
  }
  const clock = { midnight, before, after, change };
  if (clockCount >= MAX_CLOCKS) {
    clocks.clear();
    clockCount = 0;
    byDay = undefined;
  }
  if (!byDay) {
    byDay = new Map();
    clocks.set(zone, byDay);
  }
  byDay.set(day, clock);
  clockCount++;
  return clock;
}

/**
 * The first instant at which the wall clock in `zone` reads `msOfDay` (ms after midnight) or later
 * on local date `day` (days since 1970-01-01). An existing wall time maps to itself; an ambiguous
 * one (the repeated hour when clocks go back) maps to its first occurrence; a skipped one (the gap
 * when clocks go forward) maps to the moment of the change, i.e. the first wall time after the gap.
 * So the map never goes backwards, and a range lying wholly inside a gap comes out empty.
 */
export function zonedInstant(zone: string, day: number, msOfDay: number): number {
  const clock = dayClock(zone, day);
  const wall = clock.midnight + msOfDay;
  const early = wall - clock.before;
  if (early < clock.change) return early;
  // Read with the later offset; if that lands before the change, the wall time is in the gap.
  return Math.max(wall - clock.after, clock.change);
}

/** Start of local date `day` in `zone` (its first instant; see `zonedInstant`). */
export function localDayStart(zone: string, day: number): number {
  return zonedInstant(zone, day, 0);
}

/** The local date (days since 1970-01-01) in `zone` whose bounds contain `instant`. */
export function localDayOf(zone: string, instant: number): number {
  let day = Math.floor((instant + offsetMs(zone, instant)) / DAY_MS);
  // Wall date and day bounds can disagree only where a zone moves its clock back across midnight.
  while (localDayStart(zone, day + 1) <= instant) day++;
  while (localDayStart(zone, day) > instant) day--;
  return day;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' as days since 1970-01-01. */
export function parseLocalDate(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : Number.NaN;
  if (!Number.isInteger(day) || formatLocalDate(day) !== date) throw new RangeError(`Not a date: ${date}`);
  return day;
}

export function formatLocalDate(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a day number; 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

const WALL_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?$/;

/** A wall time as ms after midnight; up to '24:00:00' (Postgres allows it as an end of day). */
export function parseWallTime(time: WallTime): number {
  const match = WALL_TIME.exec(time);
  const minutes = Number(match?.[2]);
  const seconds = Number(match?.[3] ?? 0);
  const ms = ((Number(match?.[1]) * 60 + minutes) * 60 + seconds) * 1000 + Math.round(Number(match?.[4] ?? 0) * 1000);
  if (!match || minutes > 59 || seconds > 59 || ms > DAY_MS) throw new RangeError(`Not a wall time: ${time}`);
  return ms;
}

/** The first instant at which the wall clock in `zone` reads `time` or later on `date` (see `zonedInstant`). */
export function wallClockInstant(date: LocalDate, time: WallTime, zone: string): number {
  return zonedInstant(zone, parseLocalDate(date), parseWallTime(time));
}
