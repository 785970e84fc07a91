/** Arbitraries and slow, obviously-correct oracles for the slot engine's tests. */
import fc from 'fast-check';
import type { AvailabilityException, BusyBlock, Interval, SlotQuery, WeeklyRule } from '../src/slots';
import { wallClockInstant } from '../src/slots';
import { addLocalDays } from '../src/time';

export const ZONES = ['Asia/Kolkata', 'America/New_York', 'Europe/London', 'UTC'] as const;
export const MINUTE = 60_000;
export const DAY = 86_400_000;

// Just before the 2026 DST changes (New York 8 Mar / 1 Nov, London 29 Mar / 25 Oct) and one quiet week.
const ANCHORS = ['2026-03-06', '2026-03-27', '2026-10-23', '2026-10-30', '2026-06-01'];

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number, withSeconds = false) =>
  `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}${withSeconds ? ':00' : ''}`;

const ruleSpec = fc.record({
  weekday: fc.integer({ min: 1, max: 7 }),
  // Any time of day, but mostly office hours of a useful length on a quarter-hour grid, where
  // ranges, exceptions and busy blocks often meet exactly.
  startMinute: fc.oneof(
    fc.integer({ min: 0, max: 1430 }),
    fc.integer({ min: 24, max: 52 }).map((q) => q * 15),
  ),
  lengthMinutes: fc.oneof(
    fc.integer({ min: 1, max: 120 }),
    fc.integer({ min: 4, max: 48 }).map((q) => q * 15),
  ),
  withSeconds: fc.boolean(),
  fromDay: fc.integer({ min: -15, max: 3 }),
  toDay: fc.option(fc.integer({ min: -3, max: 20 }), { nil: null }),
  zone: fc.constantFrom(...ZONES),
  mode: fc.option(fc.constantFrom('in_person' as const, 'online' as const), { nil: undefined, freq: 2 }),
});

// Exceptions and busy blocks are placed from the anchor's midnight (UTC), on 15- and 5-minute grids.
const exceptionSpec = fc.record({
  kind: fc.constantFrom('time_off' as const, 'extra_hours' as const, 'closure' as const),
  offsetMinutes: fc.integer({ min: -96, max: 12 * 96 }).map((q) => q * 15),
  lengthMinutes: fc.oneof(
    fc.integer({ min: 1, max: 2 * 1440 }),
    fc.integer({ min: 1, max: 16 }).map((q) => q * 15),
  ),
});

const busySpec = fc.record({
  offsetMinutes: fc.integer({ min: -120, max: 4 * 288 }).map((q) => q * 5),
  lengthMinutes: fc.integer({ min: 1, max: 36 }).map((q) => q * 5),
  bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
  bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
});

/** Arbitrary queries of up to 10 days, often across a DST change in some zone. */
export const queryArb: fc.Arbitrary<SlotQuery> = fc
  .record({
    anchor: fc.constantFrom(...ANCHORS),
    nowMinutes: fc.integer({ min: 0, max: 3 * 1440 }),
    zone: fc.constantFrom(...ZONES),
    rules: fc.array(ruleSpec, { minLength: 1, maxLength: 6 }),
    exceptions: fc.array(exceptionSpec, { maxLength: 4 }),
    busy: fc.array(busySpec, { maxLength: 50 }),
    durationMinutes: fc.integer({ min: 5, max: 120 }),
    intervalMinutes: fc.integer({ min: 5, max: 60 }),
    bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
    bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
    minimumNoticeMinutes: fc.oneof(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 3000 })),
    horizonDays: fc.oneof(
      { arbitrary: fc.constant(0), weight: 1 },
      { arbitrary: fc.integer({ min: 2, max: 8 }), weight: 9 },
    ),
    mode: fc.option(fc.constantFrom('in_person' as const, 'online' as const), { nil: undefined, freq: 2 }),
  })
  .map((s) => {
    const midnight = Date.parse(`${s.anchor}T00:00:00Z`);
    const now = midnight + s.nowMinutes * MINUTE;
    const rules = s.rules.map(
      (r): WeeklyRule => ({
        weekday: r.weekday,
        start: hhmm(r.startMinute, r.withSeconds),
        end: hhmm(Math.min(1440, r.startMinute + r.lengthMinutes), r.withSeconds),
        validFrom: addLocalDays(s.anchor, r.fromDay),
        validTo: r.toDay === null ? null : addLocalDays(s.anchor, r.toDay),
        zone: r.zone,
        mode: r.mode,
      }),
    );
    const exceptions = s.exceptions.map(
      (e): AvailabilityException => ({
        kind: e.kind,
        start: midnight + e.offsetMinutes * MINUTE,
        end: midnight + (e.offsetMinutes + e.lengthMinutes) * MINUTE,
      }),
    );
    const busy = s.busy.map(
      (b): BusyBlock => ({
        start: midnight + b.offsetMinutes * MINUTE,
        end: midnight + (b.offsetMinutes + b.lengthMinutes) * MINUTE,
        bufferBeforeMinutes: b.bufferBeforeMinutes,
        bufferAfterMinutes: b.bufferAfterMinutes,
      }),
    );
    const { anchor: _a, nowMinutes: _n, ...rest } = s;
    return { ...rest, now, rules, exceptions, busy };
  });

const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/**
 * Working time by brute force: every rule occurrence from 20 days before `around` to 25 after, each
 * checked date by date, plus extra hours, minus time off and closures; no sorting, merging or
 * sweeping. Rule times go through `wallClockInstant`, which is itself checked against date-fns.
 */
export function naiveWorking(q: Pick<SlotQuery, 'rules' | 'exceptions' | 'mode'>, around: number) {
  const open: Interval[] = [];
  const first = new Date(around - 20 * DAY).toISOString().slice(0, 10);
  for (const rule of q.rules) {
    if (q.mode && rule.mode && rule.mode !== q.mode) continue;
    for (let i = 0; i <= 45; i++) {
      const date = addLocalDays(first, i);
      if (date < rule.validFrom || (rule.validTo !== null && date > rule.validTo)) continue;
      if (isoWeekday(date) !== rule.weekday) continue;
      open.push({
        start: wallClockInstant(date, rule.start, rule.zone),
        end: wallClockInstant(date, rule.end, rule.zone),
      });
    }
  }
  const closed: Interval[] = [];
  for (const e of q.exceptions) (e.kind === 'extra_hours' ? open : closed).push({ start: e.start, end: e.end });
  const within = (list: Interval[], t: number) => list.some((i) => i.start <= t && t < i.end);
  const isWorking = (t: number) => within(open, t) && !within(closed, t);
  // Working time can change only at these instants.
  const breakpoints = [...open, ...closed].flatMap((i) => [i.start, i.end]);
  return {
    isWorking,
    breakpoints,
    /** Whether all of [start, end) is working time. */
    covers: (start: number, end: number) =>
      [start, ...breakpoints.filter((b) => b > start && b < end)].every((t) => isWorking(t)),
  };
}

/** Overlap of half-open intervals. */
export const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

export const widened = (b: BusyBlock): Interval => ({
  start: b.start - b.bufferBeforeMinutes * MINUTE,
  end: b.end + b.bufferAfterMinutes * MINUTE,
});
