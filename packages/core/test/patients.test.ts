import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDateProblem, contactPhone, fillEmptyFields, latestToday } from '../src/patients';

describe('birth dates', () => {
  const now = new Date('2026-03-10T20:00:00Z');

  it('allows today anywhere on Earth and refuses later days', () => {
    expect(latestToday(now)).toBe('2026-03-11');
    expect(birthDateProblem('2026-03-11', now)).toBeNull();
    expect(birthDateProblem('2026-03-12', now)).toBe('The birth date cannot be in the future');
    expect(birthDateProblem('1899-12-31', now)).toBe('The birth date is before 1900');
  });

  it('accepts every date between 1900 and yesterday', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-03-09T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          expect(birthDateProblem(d.toISOString().slice(0, 10), now)).toBeNull();
        },
      ),
    );
  });
});

describe('contactPhone', () => {
  const guardian = { id: 'g', phone: '+919800000001', relationship: 'guardian' as const };
  const parent = { id: 'p', phone: '+919800000002', relationship: 'parent' as const };
  const anchor = { id: 's', phone: '+919800000003', relationship: 'self' as const };

  it("uses the patient's own phone first", () => {
    expect(contactPhone({ phone: '+919811111111', relationship: 'child' }, [guardian])).toEqual({
      phone: '+919811111111',
      viaPatientId: null,
    });
  });

  it("falls back to a guardian's, then a parent's phone", () => {
    expect(contactPhone({ phone: null, relationship: 'child' }, [parent, guardian])).toEqual({
      phone: guardian.phone,
      viaPatientId: 'g',
    });
    expect(contactPhone({ phone: null, relationship: 'child' }, [anchor, parent])?.viaPatientId).toBe('p');
  });

  it("reaches a child through the household's anchor, but not a spouse", () => {
    expect(contactPhone({ phone: null, relationship: 'child' }, [anchor])?.viaPatientId).toBe('s');
    expect(contactPhone({ phone: null, relationship: 'spouse' }, [anchor])).toBeNull();
  });
});

describe('fillEmptyFields', () => {
  it('keeps what the survivor has, takes what it lacks, and unites tags', () => {
    const survivor = { email: 'a@x.in', sex: null as string | null, tags: ['vip'], address: {} };
    const duplicate = { email: 'b@x.in', sex: 'female', tags: ['vip', 'diabetic'], address: { city: 'Pune' } };
    expect(fillEmptyFields(survivor, duplicate, ['email', 'sex', 'tags', 'address'])).toEqual({
      sex: 'female',
      tags: ['vip', 'diabetic'],
      address: { city: 'Pune' },
    });
  });

  it('never overwrites a filled field', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.option(fc.string()), (mine, theirs) => {
        expect(fillEmptyFields({ notes: mine }, { notes: theirs }, ['notes'])).toEqual({});
      }),
    );
  });
});
