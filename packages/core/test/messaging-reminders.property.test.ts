import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inQuietHours,
  planReminders,
  REMINDER_MIN_AFTER_BOOKING_MINUTES,
  type ReminderPlanInput,
} from '../src/messaging';

const MINUTE = 60_000;
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

// Starts spread over 2026, both DST changes of New York included; minutes only, as stored.
const inputArb: fc.Arbitrary<ReminderPlanInput> = fc
  .record({
    zone: fc.constantFrom('Asia/Kolkata', 'America/New_York', 'UTC'),
    startMinute: fc.integer({ min: 0, max: 365 * 24 * 60 }),
    bookedBefore: fc.integer({ min: 0, max: 14 * 24 * 60 }),
    nowAfterBooking: fc.integer({ min: 0, max: 14 * 24 * 60 }),
    schedule: fc.array(fc.oneof(fc.constantFrom(1440, 2880, 120, 60), fc.integer({ min: -60, max: 4 * 1440 })), {
      maxLength: 5,
    }),
    quietHours: fc.option(fc.record({ start: hhmm, end: hhmm }), { nil: null }),
  })
  .map((r) => {
    const startsAt = new Date(Date.UTC(2026, 0, 1) + r.startMinute * MINUTE);
    const bookedAt = new Date(startsAt.getTime() - r.bookedBefore * MINUTE);
    return {
      startsAt,
      bookedAt,
      now: new Date(bookedAt.getTime() + r.nowAfterBooking * MINUTE),
      schedule: r.schedule,
      zone: r.zone,
      quietHours: r.quietHours,
    };
  });

// The same, crowded around New York's 2026 DST changes, with quiet hours that begin or end in the
// skipped or repeated hour.
const dstArb: fc.Arbitrary<ReminderPlanInput> = fc
  .record({
    change: fc.constantFrom(Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6)),
    startMinute: fc.integer({ min: -2 * 24 * 60, max: 3 * 24 * 60 }),
    schedule: fc.array(fc.integer({ min: 1, max: 3 * 1440 }), { minLength: 1, maxLength: 4 }),
    quietHours: fc.record({
      start: fc.constantFrom('00:30', '01:00', '01:30', '02:00', '02:30', '21:00'),
      end: fc.constantFrom('01:30', '02:00', '02:30', '03:00', '08:00'),
    }),
  })
  .map((r) => {
    const startsAt = new Date(r.change + r.startMinute * MINUTE);
    const bookedAt = new Date(startsAt.getTime() - 5 * 24 * 60 * MINUTE);
    return {
      startsAt,
      bookedAt,
      now: bookedAt,
      schedule: r.schedule,
      zone: 'America/New_York',
      quietHours: r.quietHours,
    };
  });

describe('planReminders around New York DST changes', () => {
  it('keeps every reminder before the start and out of quiet hours', () => {
    fc.assert(
      fc.property(dstArb, (input) => {
        for (const r of planReminders(input)) {
          expect(r.sendAt.getTime()).toBeLessThan(input.startsAt.getTime());
          expect(inQuietHours(r.sendAt, input.zone, input.quietHours)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe(`planReminders properties (TZ=${Intl.DateTimeFormat().resolvedOptions().timeZone})`, () => {
  it('sends every reminder before the start, not in the past, not right after booking', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const r of planReminders(input)) {
          expect(r.sendAt.getTime()).toBeLessThan(input.startsAt.getTime());
          expect(r.sendAt.getTime()).toBeGreaterThanOrEqual(input.now.getTime());
          expect(r.sendAt.getTime() - input.bookedAt.getTime()).toBeGreaterThanOrEqual(
            REMINDER_MIN_AFTER_BOOKING_MINUTES * MINUTE,
          );
          expect(input.schedule).toContain(r.offset);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never plans a reminder in quiet hours (one that cannot leave them is dropped)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const r of planReminders(input)) expect(inQuietHours(r.sendAt, input.zone, input.quietHours)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('is sorted, one reminder per instant and per offset, and deterministic', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = planReminders(input);
        const times = plan.map((r) => r.sendAt.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(new Set(times).size).toBe(times.length);
        expect(new Set(plan.map((r) => r.offset)).size).toBe(plan.length);
        expect(planReminders({ ...input, schedule: [...input.schedule] })).toEqual(plan);
      }),
      { numRuns: 300 },
    );
  });

  it('planning again later only drops reminders now past: none is added or moved', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 7 * 24 * 60 }), (input, laterBy) => {
        const later = new Date(input.now.getTime() + laterBy * MINUTE);
        const expected = planReminders(input).filter((r) => r.sendAt.getTime() >= later.getTime());
        expect(planReminders({ ...input, now: later })).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('without quiet hours, a reminder not dropped goes exactly at its offset (exact minutes or local days)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const r of planReminders({ ...input, quietHours: null })) {
          const gap = (input.startsAt.getTime() - r.sendAt.getTime()) / MINUTE;
          // whole days may be an hour shorter or longer across a DST change
          if (r.offset % 1440 === 0) expect(Math.abs(gap - r.offset)).toBeLessThanOrEqual(60);
          else expect(gap).toBe(r.offset);
        }
      }),
      { numRuns: 300 },
    );
  });
});
