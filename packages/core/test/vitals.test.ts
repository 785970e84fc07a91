import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VITAL_NAMES, VITAL_RANGES, vitalProblem, vitalsProblems } from '../src/vitals';

const vitalName = fc.constantFrom(...VITAL_NAMES);

describe('vitals', () => {
  it('accepts every reading inside its range', () => {
    fc.assert(
      fc.property(vitalName, fc.double({ min: 0, max: 1, noNaN: true }), (name, t) => {
        const { min, max } = VITAL_RANGES[name];
        expect(vitalProblem(name, min + t * (max - min))).toBeNull();
      }),
    );
  });

  it('refuses every reading outside its range, naming the vital', () => {
    fc.assert(
      fc.property(vitalName, fc.double({ min: 0.001, max: 1e6, noNaN: true }), fc.boolean(), (name, by, below) => {
        const { min, max, label } = VITAL_RANGES[name];
        const value = below ? min - by : max + by;
        expect(vitalProblem(name, value)).toContain(label);
      }),
    );
  });

  it('refuses what is not a number', () => {
    expect(vitalProblem('pulsePerMin', Number.NaN)).toBe('Pulse must be a number');
    expect(vitalProblem('weightKg', Number.POSITIVE_INFINITY)).toBe('Weight must be a number');
  });

  it('finds no problem in an empty set, and one per bad field otherwise', () => {
    expect(vitalsProblems({})).toEqual([]);
    fc.assert(
      fc.property(fc.uniqueArray(vitalName, { minLength: 1 }), (names) => {
        const bad = Object.fromEntries(names.map((n) => [n, VITAL_RANGES[n].max + 1]));
        expect(
          vitalsProblems(bad)
            .map((p) => p.field)
            .sort(),
        ).toEqual([...names].sort());
      }),
    );
  });

  it('wants the diastolic below the systolic', () => {
    expect(vitalsProblems({ systolicMmHg: 120, diastolicMmHg: 80 })).toEqual([]);
    expect(vitalsProblems({ systolicMmHg: 80, diastolicMmHg: 120 })).toEqual([
      { field: 'diastolicMmHg', message: 'Diastolic pressure must be below the systolic' },
    ]);
  });
});
