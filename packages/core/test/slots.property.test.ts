import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOOKING_WINDOW_SLACK_DAYS,
  computeSlots,
  type Interval,
  type SlotQuery,
  searchSpan,
  withinBookingWindow,
  workingRanges,
} from '../src/slots';
import { localDate } from '../src/time';
import { MINUTE, naiveWorking, overlaps, queryArb, widened } from './slots-fixtures';

const starts = (q: SlotQuery) => computeSlots(q).flatMap((d) => d.slots.map((s) => s.start));

describe('computeSlots, for arbitrary rules, exceptions, busy time, buffers, notice and horizon', () => {
  it('never offers a slot whose buffered span meets a buffered busy block', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        for (const day of computeSlots(q)) {
          for (const slot of day.slots) {
            const span = {
              start: slot.start - q.bufferBeforeMinutes * MINUTE,
              end: slot.end + q.bufferAfterMinutes * MINUTE,
            };
            for (const block of q.busy) expect(overlaps(span, widened(block))).toBe(false);
          }
        }
      }),
    );
  });

  it('puts every slot wholly inside working time, exceptions applied', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const working = naiveWorking(q, q.now);
        for (const day of computeSlots(q)) {
          for (const slot of day.slots) {
            expect(slot.end - slot.start).toBe(q.durationMinutes * MINUTE);
            expect(working.covers(slot.start, slot.end)).toBe(true);
          }
        }
      }),
    );
  });

  it('starts nothing before now + notice or after now + horizon', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        for (const start of starts(q)) {
          expect(start).toBeGreaterThanOrEqual(q.now + q.minimumNoticeMinutes * MINUTE);
          expect(start).toBeLessThanOrEqual(q.now + q.horizonDays * 24 * 60 * MINUTE);
        }
      }),
    );
  });

  it('is deterministic and leaves its input alone', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const copy = structuredClone(q);
        const first = computeSlots(q);
        expect(q).toEqual(copy);
        expect(computeSlots(copy)).toEqual(first);
      }),
    );
  });

  it('returns non-empty days in date order, each slot once, ascending, on its local date in the zone', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const days = computeSlots(q);
        for (let i = 1; i < days.length; i++) expect((days[i]?.date ?? '') > (days[i - 1]?.date ?? '')).toBe(true);
        let previous = Number.NEGATIVE_INFINITY;
        for (const day of days) {
          expect(day.slots.length).toBeGreaterThan(0);
          for (const slot of day.slots) {
            expect(slot.start).toBeGreaterThan(previous);
            previous = slot.start;
            expect(localDate(new Date(slot.start), q.zone)).toBe(day.date);
          }
        }
      }),
    );
  });

  it('misses no free start: equals a naive step-and-check over the same working ranges', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const step = q.intervalMinutes * MINUTE;
        const duration = q.durationMinutes * MINUTE;
        const first = q.now + q.minimumNoticeMinutes * MINUTE;
        const last = q.now + q.horizonDays * 1440 * MINUTE;
        const expected: number[] = [];
        for (const range of workingRanges(q.rules, q.exceptions, searchSpan(q), q.mode)) {
          for (let start = range.start; start + duration <= range.end; start += step) {
            const span: Interval = {
              start: start - q.bufferBeforeMinutes * MINUTE,
              end: start + duration + q.bufferAfterMinutes * MINUTE,
            };
            const free = q.busy.every((b) => !overlaps(span, widened(b)));
            if (free && start >= first && start <= last) expected.push(start);
          }
        }
        expect(starts(q)).toEqual(expected);
      }),
    );
  });

  it('from / to only narrow the dates: the result is the full result restricted to them', () => {
    fc.assert(
      fc.property(queryArb, fc.integer({ min: -1, max: 11 }), fc.integer({ min: 0, max: 4 }), (q, skip, span) => {
        const full = computeSlots(q);
        const from = new Date(q.now + skip * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(q.now + (skip + span) * 86_400_000).toISOString().slice(0, 10);
        expect(computeSlots({ ...q, from, to })).toEqual(full.filter((d) => d.date >= from && d.date <= to));
      }),
    );
  });

  it('computed once without notice and a day more horizon, filtering serves any moment in the next day', () => {
    fc.assert(
      fc.property(queryArb, fc.integer({ min: 0, max: 1440 * 60 - 1 }), (q, laterSeconds) => {
        const open = computeSlots({
          ...q,
          minimumNoticeMinutes: 0,
          horizonDays: q.horizonDays + BOOKING_WINDOW_SLACK_DAYS,
        });
        const later = { ...q, now: q.now + laterSeconds * 1000 };
        expect(withinBookingWindow(open, later)).toEqual(computeSlots(later));
      }),
      { numRuns: 300 },
    );
  });

  it('merges working ranges into exactly the working time: sorted, disjoint, not touching', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const span = searchSpan(q);
        const ranges = workingRanges(q.rules, q.exceptions, span, q.mode);
        for (let i = 1; i < ranges.length; i++) {
          expect(ranges[i]?.start ?? 0).toBeGreaterThan(ranges[i - 1]?.end ?? 0);
        }
        const working = naiveWorking(q, q.now);
        const cuts = [span.start, ...ranges.flatMap((r) => [r.start, r.end]), ...working.breakpoints];
        for (const t of cuts.filter((c) => c >= span.start && c < span.end)) {
          expect(ranges.some((r) => r.start <= t && t < r.end)).toBe(working.isWorking(t));
        }
      }),
    );
  });
});
