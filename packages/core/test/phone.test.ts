import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone } from '../src/phone';

describe('normalisePhone', () => {
  it.each([
    ['98765 43210', '+919876543210'],
    ['+91 98765-43210', '+919876543210'],
    ['09876543210', '+919876543210'],
    ['0091 9876543210', '+919876543210'],
  ])('reads %s as an Indian mobile', (input, expected) => {
    expect(normalisePhone(input, 'IN')).toBe(expected);
  });

  it('refuses what is not a phone number', () => {
    expect(normalisePhone('hello')).toBeNull();
    expect(normalisePhone('12')).toBeNull();
    expect(normalisePhone('+91 12345')).toBeNull();
  });

  it('is idempotent: a normalised number normalises to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6_000_000_000, max: 9_999_999_999 }), (n) => {
        const once = normalisePhone(String(n), 'IN');
        if (once) expect(normalisePhone(once, 'IN')).toBe(once);
      }),
    );
  });

  it('masks all but the last four digits', () => {
    expect(maskPhone('+919876543210')).toBe('•••• 3210');
  });
});
