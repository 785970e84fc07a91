import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallClockInstant } from '../src/slots';
import { addLocalDays } from '../src/time';
import { ZONES } from './slots-fixtures';

const wall = (t: number, zone: string) => format(new TZDate(t, zone), "yyyy-MM-dd'T'HH:mm:ss");
const iso = (t: number) => new Date(t).toISOString();
const DST_DAYS = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2025-03-09', '2025-11-02'];

describe('wallClockInstant: the first instant the wall clock reads a time or later', () => {
  it.each([
    ['2026-01-05', '09:00', 'Asia/Kolkata', '2026-01-05T03:30:00.000Z'],
    ['2026-03-08', '09:00', 'America/New_York', '2026-03-08T13:00:00.000Z'],
    ['2026-03-07', '09:00', 'America/New_York', '2026-03-07T14:00:00.000Z'],
    ['2026-03-08', '01:30', 'America/New_York', '2026-03-08T06:30:00.000Z'],
    // 02:00–02:59 does not exist that night: the clock jumps from 01:59:59 EST to 03:00 EDT.
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:00:00.000Z'],
    ['2026-03-08', '03:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    // 01:00–01:59 happens twice: first in EDT, then again in EST; the first one counts.
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-11-01', '02:30', 'America/New_York', '2026-11-01T07:30:00.000Z'],
    ['2026-03-29', '01:30:00', 'Europe/London', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25', '01:30', 'Europe/London', '2026-10-25T00:30:00.000Z'],
    ['2026-01-05', '24:00', 'UTC', '2026-01-06T00:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(iso(wallClockInstant(date, time, zone))).toBe(expected);
  });

  it('agrees with date-fns, and in a gap lands on the first wall time after it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.oneof(
          fc.constantFrom(...DST_DAYS),
          fc.integer({ min: 0, max: 2500 }).map((n) => addLocalDays('2024-01-01', n)),
        ),
        fc.oneof(fc.integer({ min: 0, max: 86_399 }), fc.integer({ min: 0, max: 3 * 3600 })),
        (zone, date, seconds) => {
          const time = [seconds / 3600, (seconds / 60) % 60, seconds % 60]
            .map((n) => String(Math.floor(n)).padStart(2, '0'))
            .join(':');
          const target = `${date}T${time}`;
          const instant = wallClockInstant(date, time, zone);
          expect(wall(instant, zone) >= target).toBe(true);
          // ...and no earlier instant in the three hours before (which rules out the second of two 01:30s).
          for (const back of [1, 60, 1800, 3600, 7200, 10_800]) {
            expect(wall(instant - back * 1000, zone) < target).toBe(true);
          }
        },
      ),
    );
  });

  it('refuses what is not a date, a time or a zone', () => {
    expect(() => wallClockInstant('2026-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => wallClockInstant('2026-1-5', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => wallClockInstant('2026-01-05', '25:00', 'UTC')).toThrow(RangeError);
    expect(() => wallClockInstant('2026-01-05', '24:01', 'UTC')).toThrow(RangeError);
    expect(() => wallClockInstant('2026-01-05', '9:00', 'UTC')).toThrow(RangeError);
    expect(() => wallClockInstant('2026-01-05', '09:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
