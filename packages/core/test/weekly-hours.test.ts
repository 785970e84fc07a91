import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWeeklyHours } from '../src/slots/weekly-hours';

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe('checkWeeklyHours', () => {
  it('accepts a normal split week', () => {
    const week = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '09:00', end: '13:00' },
      { weekday, start: '14:00', end: '18:00' },
    ]);
    expect(checkWeeklyHours(week)).toEqual([]);
  });

  it('names the entry and field that is wrong', () => {
    expect(checkWeeklyHours([{ weekday: 1, start: '9am', end: '17:00' }])).toEqual([
      { index: 0, field: 'start', message: 'Use a time like 09:00' },
    ]);
    expect(checkWeeklyHours([{ weekday: 2, start: '17:00', end: '09:00' }])).toEqual([
      { index: 0, field: 'end', message: 'The end must be after the start' },
    ]);
    expect(checkWeeklyHours([{ weekday: 8, start: '09:00', end: '10:00' }])[0]?.field).toBe('weekday');
  });

  it('refuses overlapping ranges on one day but not on different days', () => {
    expect(
      checkWeeklyHours([
        { weekday: 3, start: '09:00', end: '12:00' },
        { weekday: 3, start: '11:30', end: '14:00' },
      ]),
    ).toEqual([{ index: 1, field: 'start', message: 'This overlaps another range on the same day' }]);
    expect(
      checkWeeklyHours([
        { weekday: 3, start: '09:00', end: '12:00' },
        { weekday: 4, start: '11:30', end: '14:00' },
        { weekday: 3, start: '12:00', end: '13:00' },
      ]),
    ).toEqual([]);
  });

  it('finds an overlap exactly when two ranges of a day intersect', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1400 }),
        fc.integer({ min: 1, max: 39 }),
        fc.integer({ min: 0, max: 1400 }),
        fc.integer({ min: 1, max: 39 }),
        (s1, l1, s2, l2) => {
          const a = { weekday: 1, start: hhmm(s1), end: hhmm(s1 + l1) };
          const b = { weekday: 1, start: hhmm(s2), end: hhmm(s2 + l2) };
          const overlap = s1 < s2 + l2 && s2 < s1 + l1;
          expect(checkWeeklyHours([a, b]).length > 0).toBe(overlap);
        },
      ),
    );
  });
});
