import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePatientSearch } from '../src/patient-search';

describe('parsePatientSearch', () => {
  it('reads a name, collapsing spaces and case', () => {
    expect(parsePatientSearch('  Meera   SHARMA ')).toEqual({
      name: 'meera sharma',
      phoneSuffix: null,
      emailPrefix: null,
      mrn: 'Meera SHARMA',
    });
  });

  it('reads a phone in any format as the digits it ends with', () => {
    expect(parsePatientSearch('+91 98765-43210')?.phoneSuffix).toBe('919876543210');
    expect(parsePatientSearch('098765 43210')?.phoneSuffix).toBe('9876543210');
    expect(parsePatientSearch('(0)98765 43210')?.phoneSuffix).toBe('9876543210');
    expect(parsePatientSearch('3210')).toMatchObject({ phoneSuffix: '3210', name: null });
  });

  it('ignores too few digits and reads an email by its start', () => {
    expect(parsePatientSearch('321')?.phoneSuffix).toBeNull();
    expect(parsePatientSearch('Asha.K@Mail')).toMatchObject({ emailPrefix: 'asha.k@mail', name: null });
  });

  it('finds nothing in blank input', () => {
    expect(parsePatientSearch('   ')).toBeNull();
  });

  it('the suffix of any formatting of an Indian mobile is a suffix of its E.164 digits', () => {
    // Half of them end in zeros and two digits, so their last six digits begin with zeros.
    const mobile = fc
      .tuple(fc.constantFrom('6', '7', '8', '9'), fc.stringMatching(/^\d{9}$/), fc.boolean())
      .map(([a, b, zeros]) => (zeros ? `${a}${b.slice(0, 3)}0000${b.slice(7)}` : a + b));
    const format = fc.constantFrom(
      (n: string) => `+91${n}`,
      (n: string) => `+91 ${n.slice(0, 5)} ${n.slice(5)}`,
      (n: string) => `0${n}`,
      (n: string) => `0091-${n}`,
      (n: string) => `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`,
      (n: string) => n.slice(-6),
    );
    fc.assert(
      fc.property(mobile, format, (n, fmt) => {
        const suffix = parsePatientSearch(fmt(n))?.phoneSuffix;
        expect(suffix).toBeTruthy();
        expect(`91${n}`.endsWith(suffix ?? 'x')).toBe(true);
      }),
    );
  });

  it('never throws and keeps its limits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (q) => {
        const terms = parsePatientSearch(q);
        if (!terms) return;
        if (terms.phoneSuffix) expect(terms.phoneSuffix).toMatch(/^\d{4,15}$/);
        if (terms.name) expect(terms.name.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});
