import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fdiToUniversal,
  isFdiTooth,
  isUniversalTooth,
  toothArch,
  toothName,
  toothQuadrant,
  UNIVERSAL_TEETH,
  universalToFdi,
} from '../src/billing';

describe('tooth numbers', () => {
  it.each([
    [1, 18],
    [3, 16],
    [8, 11],
    [9, 21],
    [16, 28],
    [17, 38],
    [24, 31],
    [25, 41],
    [30, 46],
    [32, 48],
  ])('universal %i is FDI %i', (universal, fdi) => {
    expect(universalToFdi(universal)).toBe(fdi);
    expect(fdiToUniversal(fdi)).toBe(universal);
  });

  it('names quadrants and arches for the chart', () => {
    expect(toothName(1)).toBe('upper right third molar');
    expect(toothName(8)).toBe('upper right central incisor');
    expect(toothName(11)).toBe('upper left canine');
    expect(toothName(19)).toBe('lower left first molar');
    expect(toothName(29)).toBe('lower right second premolar');
    expect([toothQuadrant(9), toothArch(9), toothQuadrant(20), toothArch(20)]).toEqual([2, 'upper', 3, 'lower']);
  });

  it('refuses anything that is not a tooth', () => {
    for (const bad of [0, 33, -1, 1.5, Number.NaN]) {
      expect(isUniversalTooth(bad)).toBe(false);
      expect(() => universalToFdi(bad)).toThrow(RangeError);
    }
    for (const bad of [10, 19, 20, 29, 49, 51, 0, 5, 18.5]) {
      expect(isFdiTooth(bad)).toBe(false);
      expect(() => fdiToUniversal(bad)).toThrow(RangeError);
    }
    expect(isUniversalTooth('3')).toBe(false);
  });

  it('the 32 universal numbers map one to one onto the 32 FDI numbers', () => {
    const fdi = UNIVERSAL_TEETH.map(universalToFdi);
    expect(new Set(fdi).size).toBe(32);
    expect(fdi.every(isFdiTooth)).toBe(true);
    const allFdi = Array.from({ length: 49 }, (_, i) => i).filter(isFdiTooth);
    expect([...fdi].sort((a, b) => a - b)).toEqual(allFdi);
  });

  it('round trips both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32 }), (t) => {
        expect(fdiToUniversal(universalToFdi(t))).toBe(t);
      }),
    );
    const fdiArb = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 8 })).map(([q, p]) => q * 10 + p);
    fc.assert(
      fc.property(fdiArb, (t) => {
        expect(universalToFdi(fdiToUniversal(t))).toBe(t);
      }),
    );
  });

  it('keeps each tooth in its quadrant and mirrors left and right', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32 }), (t) => {
        expect(Math.floor(universalToFdi(t) / 10)).toBe(toothQuadrant(t));
        // Universal numbers mirror across the midline as t <-> 17 - t (upper) and 49 - t (lower).
        const mirror = t <= 16 ? 17 - t : 49 - t;
        expect(universalToFdi(mirror) % 10).toBe(universalToFdi(t) % 10);
      }),
    );
  });
});
