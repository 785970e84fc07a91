import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLocalDays, formatLocalTime, isoWeekdayOf, localDate, localDayBounds, zonedTime } from '../src/time';

describe('local days in a zone', () => {
  it('an Indian day starts at 18:30 UTC the day before', () => {
    const { start, end } = localDayBounds('2026-11-21', 'Asia/Kolkata');
    expect(start.toISOString()).toBe('2026-11-20T18:30:00.000Z');
    expect(end.toISOString()).toBe('2026-11-21T18:30:00.000Z');
  });

  it('the New York spring-forward day is 23 hours and the fall-back day 25', () => {
    const spring = localDayBounds('2026-03-08', 'America/New_York');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const fall = localDayBounds('2026-11-01', 'America/New_York');
    expect((fall.end.getTime() - fall.start.getTime()) / 3_600_000).toBe(25);
  });

  it('09:30 on a wall clock is 09:30 again when formatted in the same zone', () => {
    const zones = ['Asia/Kolkata', 'America/New_York', 'Europe/London', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 4, max: 22 }),
        fc.integer({ min: 0, max: 59 }),
        (zone, dayOffset, hh, mm) => {
          const date = addLocalDays('2025-01-01', dayOffset);
          const instant = zonedTime(date, hh, mm, zone);
          expect(localDate(instant, zone)).toBe(date);
          // 02:xx may not exist on a spring-forward day; every hour from 04:00 on does.
          expect(formatLocalTime(instant, zone)).toBe(`${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`);
        },
      ),
    );
  });

  it('day bounds contain exactly the instants whose local date is that day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Asia/Kolkata', 'America/New_York', 'Europe/London'),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (zone, t) => {
          const instant = new Date(t);
          const { start, end } = localDayBounds(localDate(instant, zone), zone);
          expect(start.getTime()).toBeLessThanOrEqual(t);
          expect(end.getTime()).toBeGreaterThan(t);
        },
      ),
    );
  });
});

describe('formatLocalTime', () => {
  it('gives 24-hour wall-clock time in the zone, midnight as 00', () => {
    expect(formatLocalTime(new Date('2026-11-20T18:30:00Z'), 'Asia/Kolkata')).toBe('00:00');
    expect(formatLocalTime(new Date('2026-07-01T13:05:00Z'), 'America/New_York')).toBe('09:05');
    expect(formatLocalTime(new Date('2026-01-01T23:59:00Z'), 'UTC')).toBe('23:59');
  });
});

describe('isoWeekdayOf', () => {
  it('counts Monday as 1 and Sunday as 7', () => {
    expect(isoWeekdayOf('2026-11-23')).toBe(1);
    expect(isoWeekdayOf('2026-11-22')).toBe(7);
  });
});
