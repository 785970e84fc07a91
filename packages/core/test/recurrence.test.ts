import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_OCCURRENCES, weeklyOccurrences } from '../src/recurrence';
import { formatLocalTime, zonedTime } from '../src/time';

describe('weekly occurrences', () => {
  it('every 2 weeks, 4 times', () => {
    expect(weeklyOccurrences('2026-12-01', 2, { count: 4 })).toEqual([
      '2026-12-01',
      '2026-12-15',
      '2026-12-29',
      '2027-01-12',
    ]);
  });

  it('until a date, inclusive', () => {
    expect(weeklyOccurrences('2026-12-01', 1, { until: '2026-12-15' })).toEqual([
      '2026-12-01',
      '2026-12-08',
      '2026-12-15',
    ]);
  });

  it('keeps the local time across a DST change', () => {
    const dates = weeklyOccurrences('2026-10-20', 1, { count: 3 });
    const times = dates.map((d) => formatLocalTime(zonedTime(d, 9, 30, 'America/New_York'), 'America/New_York'));
    expect(times).toEqual(['09:30', '09:30', '09:30']);
  });

  it('never more than the cap, always the same weekday, strictly increasing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 200 }),
        (offset, every, count) => {
          const first = new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
          const dates = weeklyOccurrences(first, every, { count });
          expect(dates.length).toBe(Math.min(count, MAX_OCCURRENCES));
          const weekday = new Date(`${first}T00:00:00Z`).getUTCDay();
          for (let i = 0; i < dates.length; i++) {
            expect(new Date(`${dates[i]}T00:00:00Z`).getUTCDay()).toBe(weekday);
            if (i > 0) expect((dates[i] ?? '') > (dates[i - 1] ?? '')).toBe(true);
          }
        },
      ),
    );
  });
});
