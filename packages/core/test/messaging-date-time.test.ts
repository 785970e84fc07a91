import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, localDateTimeParts } from '../src/messaging';

// The package's test script runs this under TZ=UTC, America/New_York and Asia/Kolkata: the text
// depends on the zone given, never on the server's.
describe('formatLocalDateTime', () => {
  const evening = new Date('2024-12-03T12:30:00Z'); // 18:00 in India

  it('says an Indian evening in English and Hindi', () => {
    expect(formatLocalDateTime(evening, 'Asia/Kolkata', 'en')).toBe('Tue 3 Dec, 6:00 pm');
    expect(formatLocalDateTime(evening, 'Asia/Kolkata', 'hi')).toBe('मंगल 3 दिस॰, शाम 6:00');
  });

  it('says noon, midnight and morning plainly', () => {
    expect(formatLocalDateTime(new Date('2024-12-03T06:30:00Z'), 'Asia/Kolkata', 'en')).toBe('Tue 3 Dec, 12:00 pm');
    expect(formatLocalDateTime(new Date('2024-12-03T18:30:00Z'), 'Asia/Kolkata', 'en')).toBe('Wed 4 Dec, 12:00 am');
    expect(localDateTimeParts(new Date('2024-12-03T04:00:00Z'), 'Asia/Kolkata', 'hi')).toEqual({
      date: 'मंगल 3 दिस॰',
      time: 'सुबह 9:30',
    });
    expect(localDateTimeParts(new Date('2024-12-03T08:30:00Z'), 'Asia/Kolkata', 'hi').time).toBe('दोपहर 2:00');
  });

  it('uses the zone it is given, across a date line and a DST change', () => {
    expect(formatLocalDateTime(evening, 'America/New_York', 'en')).toBe('Tue 3 Dec, 7:30 am');
    // 1 November 2026 05:30 UTC is 01:30 EDT; 06:30 UTC is 01:30 EST, an hour later on the same wall clock.
    expect(formatLocalDateTime(new Date('2026-11-01T05:30:00Z'), 'America/New_York', 'en')).toBe('Sun 1 Nov, 1:30 am');
    expect(formatLocalDateTime(new Date('2026-11-01T06:30:00Z'), 'America/New_York', 'en')).toBe('Sun 1 Nov, 1:30 am');
    expect(formatLocalDateTime(new Date('2026-11-01T06:30:00Z'), 'Asia/Kolkata', 'hi')).toBe('रवि 1 नव॰, दोपहर 12:00');
  });
});
