import { describe, expect, it } from 'vitest';
import { type HoursCheck, hoursGap, hoursGapSentence } from '../src/slots/hours-check';
import type { WeeklyRule } from '../src/slots/types';
import { zonedTime } from '../src/time';

// Tue 8 Dec 2026 in Kolkata (and in New York, for a zone west of UTC): 09:00–13:00 and 14:00–17:00.
function rule(weekday: number, start: string, end: string, zone: string): WeeklyRule {
  return { weekday, start, end, validFrom: '2026-01-01', validTo: null, zone };
}

for (const zone of ['Asia/Kolkata', 'America/New_York']) {
  describe(`hoursGap in ${zone}`, () => {
    const at = (date: string, hh: number, mm = 0) => zonedTime(date, hh, mm, zone).getTime();
    const rules = [rule(2, '09:00', '13:00', zone), rule(2, '14:00', '17:00', zone)];
    const check = (start: number, minutes: number, extra: Partial<HoursCheck> = {}): HoursCheck => ({
      zone,
      rules,
      exceptions: [],
      start,
      end: start + minutes * 60_000,
      ...extra,
    });
    const sentence = (c: HoursCheck) => {
      const gap = hoursGap(c);
      return gap ? hoursGapSentence('Dr. Meera Krishnan', gap, { start: c.start, end: c.end }, zone) : null;
    };

    it('accepts any minute inside the hours, up to the last minute', () => {
      expect(hoursGap(check(at('2026-12-08', 9, 7), 30))).toBeNull();
      expect(hoursGap(check(at('2026-12-08', 16, 30), 30))).toBeNull();
    });

    it('names a break, the time before and after the hours, and a day with no hours', () => {
      expect(sentence(check(at('2026-12-08', 13), 30))).toBe(
        'Dr. Meera Krishnan does not work at 13:00 on Tue 8 Dec (break 13:00–14:00).',
      );
      expect(sentence(check(at('2026-12-08', 8), 30))).toBe(
        'Dr. Meera Krishnan does not work at 08:00 on Tue 8 Dec (hours start at 09:00).',
      );
      expect(sentence(check(at('2026-12-08', 17, 15), 30))).toBe(
        'Dr. Meera Krishnan does not work at 17:15 on Tue 8 Dec (hours end at 17:00).',
      );
      expect(sentence(check(at('2026-12-09', 10), 30))).toBe(
        'Dr. Meera Krishnan does not work at 10:00 on Wed 9 Dec (no working hours on Wednesdays).',
      );
      expect(sentence(check(at('2026-12-09', 10), 30, { closedWeekdays: [3] }))).toBe(
        'Dr. Meera Krishnan does not work at 10:00 on Wed 9 Dec (the centre is closed on Wednesdays).',
      );
    });

    it('says when a visit starts inside the hours but runs out of them', () => {
      expect(sentence(check(at('2026-12-08', 12, 45), 30))).toBe(
        'Dr. Meera Krishnan does not work at 13:00 on Tue 8 Dec (break 13:00–14:00); this visit would run until 13:15.',
      );
    });

    it('names time off and a closure before the hours', () => {
      const timeOff = { kind: 'time_off' as const, start: at('2026-12-07', 0), end: at('2026-12-12', 0) };
      expect(sentence(check(at('2026-12-08', 10), 30, { exceptions: [timeOff] }))).toBe(
        'Dr. Meera Krishnan does not work at 10:00 on Tue 8 Dec (time off Mon 7 Dec 00:00 – Sat 12 Dec 00:00).',
      );
      const closure = { kind: 'closure' as const, start: at('2026-12-08', 11), end: at('2026-12-08', 12) };
      expect(sentence(check(at('2026-12-08', 11, 30), 30, { exceptions: [closure] }))).toBe(
        'Dr. Meera Krishnan does not work at 11:30 on Tue 8 Dec (centre closed 11:00–12:00).',
      );
    });

    it('counts extra hours as working time, as the slot engine does', () => {
      const extra = { kind: 'extra_hours' as const, start: at('2026-12-08', 13), end: at('2026-12-08', 14) };
      expect(hoursGap(check(at('2026-12-08', 12, 30), 60, { exceptions: [extra] }))).toBeNull();
      expect(hoursGap(check(at('2026-12-09', 10), 30))).toMatchObject({ kind: 'day_off', weekday: 3 });
    });
  });
}
