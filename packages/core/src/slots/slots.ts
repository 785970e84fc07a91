import { freeStarts, widenBusy } from './busy';
import type { DaySlots, Interval, SlotQuery } from './types';
import { workingRanges } from './working-ranges';
import { DAY_MS, formatLocalDate, localDayOf, localDayStart, MINUTE_MS, offsetMs, parseLocalDate } from './zone-clock';

/** A duration in whole ms, at least `min` ms; rounding keeps all later grid arithmetic exact. */
function toMs(value: number, unitMs: number, name: string, min: number): number {
  const ms = Math.round(value * unitMs);
  if (!Number.isFinite(ms) || ms < min) throw new RangeError(`${name} out of range: ${value}`);
  return ms;
}

/**
 * The instants whose working time the query needs: starts from now + notice to now + horizon, plus
 * one duration for the last to fit. It ignores `from` / `to` on purpose, so that narrowing the dates
 * never moves the grid of a range that began earlier (only round-the-clock rules or multi-day extra
 * hours make one range run on past this span's start; such a range is stepped from about there).
 */
export function searchSpan(query: SlotQuery): Interval {
  const first = query.now + Math.round(query.minimumNoticeMinutes * MINUTE_MS);
  const last = query.now + Math.round(query.horizonDays * DAY_MS);
  return { start: first, end: last + Math.round(query.durationMinutes * MINUTE_MS) };
}

/**
 * Bookable slots per local date in `query.zone`: working ranges (rules in their own zones, plus
 * extra hours, minus time off and closures), stepped at the interval, clear of buffered busy time,
 * within notice and horizon. Days ascending, only days with a slot; slots ascending and unique.
 * Pure: `now` comes from the caller, and neither the input nor the process time zone matters.
 */
export function computeSlots(query: SlotQuery): DaySlots[] {
  // A zero step would never end; NaN would silently compare false everywhere.
  const durationMs = toMs(query.durationMinutes, MINUTE_MS, 'durationMinutes', 1);
  const stepMs = toMs(query.intervalMinutes, MINUTE_MS, 'intervalMinutes', 1);
  const bufferBeforeMs = toMs(query.bufferBeforeMinutes, MINUTE_MS, 'bufferBeforeMinutes', 0);
  const bufferAfterMs = toMs(query.bufferAfterMinutes, MINUTE_MS, 'bufferAfterMinutes', 0);
  toMs(query.minimumNoticeMinutes, MINUTE_MS, 'minimumNoticeMinutes', 0);
  toMs(query.horizonDays, DAY_MS, 'horizonDays', 0);
  toMs(query.now, 1, 'now', Number.NEGATIVE_INFINITY);
  offsetMs(query.zone, query.now); // rejects an unknown zone even when nothing else would read it

  const span = searchSpan(query);
  let first = span.start;
  let last = span.end - durationMs;
  if (query.from !== undefined) first = Math.max(first, localDayStart(query.zone, parseLocalDate(query.from)));
  if (query.to !== undefined) last = Math.min(last, localDayStart(query.zone, parseLocalDate(query.to) + 1) - 1);
  if (first > last) return [];

  const ranges = workingRanges(query.rules, query.exceptions, span, query.mode);
  const starts = freeStarts(ranges, widenBusy(query.busy), {
    first,
    last,
    durationMs,
    stepMs,
    bufferBeforeMs,
    bufferAfterMs,
  });
  return groupByLocalDate(starts, durationMs, query.zone);
}

/** The extra horizon, in days, `withinBookingWindow` needs: a result stays valid this long after its `now`. */
export const BOOKING_WINDOW_SLACK_DAYS = 1;

/**
 * The slots of `days` that a query with this `now`, notice and horizon would offer. Lets a caller
 * compute once with no notice and a horizon reaching a day further, then serve later moments by
 * filtering: for `now` up to a day on, the result equals `computeSlots` run afresh (the grid is
 * anchored to working ranges, never to now; a property test holds it to that).
 */
export function withinBookingWindow<Day extends { date: string; slots: ReadonlyArray<{ start: number }> }>(
  days: readonly Day[],
  window: Pick<SlotQuery, 'now' | 'minimumNoticeMinutes' | 'horizonDays'>,
): Day[] {
  const first = window.now + Math.round(window.minimumNoticeMinutes * MINUTE_MS);
  const last = window.now + Math.round(window.horizonDays * DAY_MS);
  const result: Day[] = [];
  for (const day of days) {
    const firstSlot = day.slots[0];
    const lastSlot = day.slots[day.slots.length - 1];
    if (!firstSlot || !lastSlot || lastSlot.start < first || firstSlot.start > last) continue;
    // Most days lie wholly inside the window: pass them on as they are, without copying.
    if (firstSlot.start >= first && lastSlot.start <= last) result.push(day);
    else {
      const slots = day.slots.filter((s) => s.start >= first && s.start <= last);
      if (slots.length) result.push({ ...day, slots });
    }
  }
  return result;
}

/** Groups ascending starts by local date; one offset lookup per date, not per slot. */
function groupByLocalDate(starts: readonly number[], durationMs: number, zone: string): DaySlots[] {
  const days: DaySlots[] = [];
  let slots: Interval[] = [];
  let nextDayStart = Number.NEGATIVE_INFINITY;
  for (const start of starts) {
    if (start >= nextDayStart) {
      const day = localDayOf(zone, start);
      nextDayStart = localDayStart(zone, day + 1);
      slots = [];
      days.push({ date: formatLocalDate(day), slots });
    }
    slots.push({ start, end: start + durationMs });
  }
  return days;
}
