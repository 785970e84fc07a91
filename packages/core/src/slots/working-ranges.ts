import type { AvailabilityException, Interval, WeeklyRule } from './types';
import { DAY_MS, isoWeekday, parseLocalDate, parseWallTime, zonedInstant } from './zone-clock';

// A rule's local date D covers instants within [D 00:00 − 14 h, D+1 00:00 + 12 h].
const REACH_MS = 14 * 3_600_000;

/** Sorted copy with overlapping or touching intervals joined; empty ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  let last: Interval | undefined;
  for (const { start, end } of sorted) {
    if (last && start <= last.end) {
      if (end > last.end) last.end = end;
    } else {
      last = { start, end };
      merged.push(last);
    }
  }
  return merged;
}

/** `base` minus `cut`, both sorted and merged; the result is sorted and merged. */
export function subtractIntervals(base: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let c = 0;
  for (const range of base) {
    let start = range.start;
    // Cuts are sorted by end too (they are disjoint), so the ones ending before this range never matter again.
    while (c < cut.length && (cut[c]?.end ?? 0) <= start) c++;
    for (let i = c; i < cut.length; i++) {
      const piece = cut[i];
      if (!piece || piece.start >= range.end) break;
      if (piece.start > start) out.push({ start, end: piece.start });
      start = piece.end; // later than `start`: cuts are disjoint and those ending earlier were skipped
      if (start >= range.end) break;
    }
    if (start < range.end) out.push({ start, end: range.end });
  }
  return out;
}

/** Rule occurrences as instants, for the local dates whose hours can reach into `span`. */
export function ruleRanges(rules: readonly WeeklyRule[], span: Interval, mode?: WeeklyRule['mode']): Interval[] {
  const firstDay = Math.floor((span.start - REACH_MS) / DAY_MS) - 1;
  const lastDay = Math.floor((span.end + REACH_MS) / DAY_MS) + 1;
  const out: Interval[] = [];
  for (const rule of rules) {
    if (!Number.isInteger(rule.weekday) || rule.weekday < 1 || rule.weekday > 7) {
      throw new RangeError(`Not an ISO weekday: ${rule.weekday}`);
    }
    const startMs = parseWallTime(rule.start);
    const endMs = parseWallTime(rule.end);
    if (endMs <= startMs) throw new RangeError(`Rule ends before it starts: ${rule.start}–${rule.end}`);
    const validFrom = parseLocalDate(rule.validFrom);
    const validTo = rule.validTo === null ? Number.POSITIVE_INFINITY : parseLocalDate(rule.validTo);
    if (mode && rule.mode && rule.mode !== mode) continue;
    const from = Math.max(firstDay, validFrom);
    const to = Math.min(lastDay, validTo);
    // Only the rule's weekday can match: jump straight to it and step a week at a time.
    for (let day = from + ((rule.weekday - isoWeekday(from) + 7) % 7); day <= to; day += 7) {
      const start = zonedInstant(rule.zone, day, startMs);
      const end = zonedInstant(rule.zone, day, endMs);
      if (end > start) out.push({ start, end });
    }
  }
  return out;
}

/**
 * Working time as sorted, disjoint, non-touching ranges: rule occurrences (each in its rule's zone)
 * plus extra_hours, minus time_off and closure. Covers at least `span`; ranges are not clipped to
 * it, because candidate starts are counted from a range's real start.
 */
export function workingRanges(
  rules: readonly WeeklyRule[],
  exceptions: readonly AvailabilityException[],
  span: Interval,
  mode?: WeeklyRule['mode'],
): Interval[] {
  const open = ruleRanges(rules, span, mode);
  const closed: Interval[] = [];
  for (const { kind, start, end } of exceptions) {
    if (kind === 'extra_hours') open.push({ start, end });
    else closed.push({ start, end });
  }
  return subtractIntervals(mergeIntervals(open), mergeIntervals(closed));
}
