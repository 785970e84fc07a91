import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../src/patient-search';
import { ageBandOf, patientStatsBounds } from '../src/patient-stats';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map(iso);

/** Whole years on `today`, counted the way people count birthdays. */
function age(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

describe('patientStatsBounds', () => {
  it('puts everyone in the band of their age in whole years', () => {
    fc.assert(
      fc.property(day, day, (birth, today) => {
        fc.pre(birth <= today);
        const band = ageBandOf(birth, patientStatsBounds(today));
        const years = age(birth, today);
        const expected = [...AGE_BANDS].reverse().find((b) => years >= Number.parseInt(b, 10));
        expect(band).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles leap-day birthdays and the month and 90-day bounds', () => {
    const bounds = patientStatsBounds('2026-02-28');
    expect(ageBandOf('2008-02-29', bounds)).toBe('0-17');
    expect(ageBandOf('2008-02-29', patientStatsBounds('2026-03-01'))).toBe('18-29');
    expect(ageBandOf('2008-02-28', bounds)).toBe('18-29');
    expect(ageBandOf(null, bounds)).toBe('unknown');
    expect(bounds.monthStart).toBe('2026-02-01');
    expect(bounds.seenSince).toBe('2025-11-30');
    expect(() => patientStatsBounds('28/02/2026')).toThrow(RangeError);
  });
});
