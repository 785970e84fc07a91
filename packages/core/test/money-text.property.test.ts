import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisPointsToText, minorToText, textToBasisPoints, textToMinor } from '../src/money-text';

const notANumber = fc.oneof(
  fc.constantFrom('', ' ', 'abc', '1.2.3', '1,500', '.5', '5.', '1e3', '0x10', '₹500', 'NaN', 'Infinity', '+5'),
  fc.string().filter((s) => !/^\s*\d+(\.\d*)?\s*$/.test(s)),
);

describe('rupees and paise', () => {
  it('round-trips every amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (paise) => {
        expect(textToMinor(minorToText(paise, 'INR'), 'INR')).toBe(paise);
      }),
    );
  });

  it('reads what people type', () => {
    expect(textToMinor('1500', 'INR')).toBe(150_000);
    expect(textToMinor(' 1499.5 ', 'INR')).toBe(149_950);
    expect(textToMinor('0.29', 'INR')).toBe(29);
    expect(textToMinor('1.01', 'INR')).toBe(101);
    expect(textToMinor('500', 'JPY')).toBe(500);
    expect(minorToText(150_000, 'INR')).toBe('1500');
    expect(minorToText(149_950, 'INR')).toBe('1499.50');
    expect(minorToText(5, 'INR')).toBe('0.05');
  });

  it('rejects too many decimals, negatives and non-numbers', () => {
    expect(textToMinor('1.234', 'INR')).toBeNull();
    expect(textToMinor('1.5', 'JPY')).toBeNull();
    expect(textToMinor('99999999999999999', 'INR')).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(99), (rupees, paise) => {
        expect(textToMinor(`-${rupees}.${paise}`, 'INR')).toBeNull();
        expect(textToMinor(`${rupees}.${paise}1${paise}`, 'INR')).toBeNull();
      }),
    );
    fc.assert(
      fc.property(notANumber, (text) => {
        expect(textToMinor(text, 'INR')).toBeNull();
      }),
    );
  });
});

describe('percent and basis points', () => {
  it('round-trips every rate exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (bp) => {
        expect(textToBasisPoints(basisPointsToText(bp))).toBe(bp);
      }),
    );
  });

  it('reads what people type and shows rates without trailing zeros', () => {
    expect(textToBasisPoints('18')).toBe(1800);
    expect(textToBasisPoints('12.5')).toBe(1250);
    expect(textToBasisPoints('0.25')).toBe(25);
    expect(textToBasisPoints('2.05')).toBe(205);
    expect(basisPointsToText(1800)).toBe('18');
    expect(basisPointsToText(1250)).toBe('12.5');
    expect(basisPointsToText(25)).toBe('0.25');
    expect(basisPointsToText(0)).toBe('0');
  });

  it('rejects more than two decimals, negatives and non-numbers', () => {
    expect(textToBasisPoints('1.234')).toBeNull();
    expect(textToBasisPoints('-18')).toBeNull();
    fc.assert(
      fc.property(notANumber, (text) => {
        expect(textToBasisPoints(text)).toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (n) => {
        expect(textToBasisPoints(`-${n}`)).toBeNull();
      }),
    );
  });
});
