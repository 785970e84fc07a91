import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findHeaderRow,
  headerKey,
  type ImportablePatient,
  importChanges,
  mappingProblems,
  matchHeaders,
  normaliseBloodGroup,
  parseBirthDate,
  parseImportRow,
  splitName,
} from '../src/patient-import';

const TODAY = '2026-11-21';
const options = { country: 'IN', today: TODAY };

describe('header matching', () => {
  it('matches English and Hindi transliterated headers in any case and punctuation', () => {
    expect(matchHeaders(['Patient Name', 'Mobile No.', 'D.O.B', 'Gender', 'E-mail', 'Pata', 'City'])).toEqual({
      fullName: 0,
      phone: 1,
      birthDate: 2,
      sex: 3,
      email: 4,
      addressLine: 5,
      city: 6,
    });
    expect(matchHeaders(['Naam', 'Contact No', 'Janm Tithi', 'Ling'])).toEqual({
      fullName: 0,
      phone: 1,
      birthDate: 2,
      sex: 3,
    });
    expect(headerKey('  Date_of_Birth ')).toBe('date of birth');
  });

  it('keeps the first column for a field and prefers first/last names over a full name', () => {
    expect(matchHeaders(['Phone', 'Mobile', 'First Name', 'Surname', 'Name'])).toEqual({
      phone: 0,
      firstName: 2,
      lastName: 3,
    });
  });

  it('finds a header row below a title', () => {
    const rows = [['Sunrise clinic patients'], ['exported 2024-01-02', ''], [], ['S.No', 'Name', 'Mobile', 'DOB']];
    expect(findHeaderRow(rows)).toBe(3);
    expect(
      findHeaderRow([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe(-1);
  });

  it('says what a mapping lacks', () => {
    expect(mappingProblems({})).toHaveLength(2);
    expect(mappingProblems({ fullName: 0, phone: 1 })).toEqual([]);
  });
});

describe('birth dates', () => {
  it.each([
    ['1990-03-05', '1990-03-05'],
    ['05/03/1990', '1990-03-05'],
    ['5-3-1990', '1990-03-05'],
    ['05.03.1990', '1990-03-05'],
    ['5 Mar 1990', '1990-03-05'],
    ['5-Mar-90', '1990-03-05'],
    ['March 5, 1990', '1990-03-05'],
    ['05/03/15', '2015-03-05'],
    ['1990-03-05T00:00:00.000Z', '1990-03-05'],
  ])('reads %s', (input, expected) => {
    expect(parseBirthDate(input, TODAY)).toBe(expected);
  });

  it.each(['31/02/1990', '2030-01-01', '01/01/1850', 'yesterday', '13/13/2000', ''])('refuses %s', (input) => {
    expect(parseBirthDate(input, TODAY)).toBeNull();
  });

  it('returns a real past date or nothing, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseBirthDate(text, TODAY);
        if (result === null) return;
        expect(result).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(result <= TODAY && result >= '1900-01-01').toBe(true);
        expect(new Date(`${result}T00:00:00Z`).toISOString().slice(0, 10)).toBe(result);
      }),
    );
  });

  it('reads back every real date written day first', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2026-11-20'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(parseBirthDate(`${day}/${m}/${y}`, TODAY)).toBe(iso);
      }),
    );
  });
});

describe('rows', () => {
  const mapping = { fullName: 0, phone: 1, birthDate: 2, sex: 3, email: 4, bloodGroup: 5, tags: 6, city: 7 };

  it('reads a messy row', () => {
    const row = parseImportRow(
      ['  Mrs. Asha  Rao ', '098765 43210', '5-Mar-90', 'F', 'Asha@Example.com', 'b +ve', 'VIP; diabetic, vip', 'Pune'],
      mapping,
      options,
    );
    expect(row).toEqual({
      kind: 'patient',
      patient: {
        firstName: 'Asha',
        lastName: 'Rao',
        phone: '+919876543210',
        birthDate: '1990-03-05',
        sex: 'female',
        email: 'asha@example.com',
        bloodGroup: 'B+',
        tags: ['diabetic', 'vip'],
        address: { city: 'Pune' },
      },
      warnings: [],
    });
  });

  it('reads the same phone in +91, spaced and leading-zero forms', () => {
    for (const phone of ['+91 98765 43210', '9876543210', '09876543210', '91-98765-43210', '+919876543210']) {
      const row = parseImportRow(['A', phone], { fullName: 0, phone: 1 }, options);
      expect(row.kind === 'patient' && row.patient.phone).toBe('+919876543210');
    }
  });

  it('skips a row only for its name or phone, naming each', () => {
    const row = parseImportRow(['', '12345', '31/02/1990', 'x', 'not-mail', 'Z'], mapping, options);
    expect(row.kind).toBe('invalid');
    if (row.kind !== 'invalid') return;
    expect(row.problems.map((p) => p.field)).toEqual(['fullName', 'phone']);
  });

  it('leaves each optional field it cannot read blank, with a warning naming it', () => {
    const row = parseImportRow(['Asha', '9876543210', '31/02/1990', 'x', 'not-mail', 'Z'], mapping, options);
    expect(row).toMatchObject({ kind: 'patient', patient: { firstName: 'Asha', phone: '+919876543210' } });
    if (row.kind !== 'patient') return;
    expect(row.patient).toEqual({ firstName: 'Asha', lastName: '', phone: '+919876543210' });
    expect(row.warnings.map((w) => w.field)).toEqual(['email', 'birthDate', 'sex', 'bloodGroup']);
    expect(row.warnings[1]?.message).toBe('Date of birth is not a real date in the past (left blank)');
  });

  it('treats a row of empty cells as blank', () => {
    expect(parseImportRow(['', ' ', ''], mapping, options)).toEqual({ kind: 'blank' });
  });

  it('never throws and a patient always has a name and an E.164 phone', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 9 }), (cells) => {
        const row = parseImportRow(cells, mapping, options);
        if (row.kind === 'patient') {
          expect(row.patient.firstName.length).toBeGreaterThan(0);
          expect(row.patient.phone).toMatch(/^\+\d{8,15}$/);
        }
      }),
    );
  });

  it('normalises blood groups and names', () => {
    expect(normaliseBloodGroup('ab negative')).toBe('AB-');
    expect(normaliseBloodGroup('O+')).toBe('O+');
    expect(normaliseBloodGroup('C+')).toBeNull();
    expect(splitName('Dr. Ravi Kumar Shetty')).toEqual({ firstName: 'Ravi', lastName: 'Kumar Shetty' });
  });
});

describe('changes to an existing patient', () => {
  const stored: ImportablePatient = {
    firstName: 'Asha',
    lastName: 'Rao',
    email: null,
    birthDate: '1990-03-05',
    sex: 'female',
    bloodGroup: null,
    address: { line1: '1 MG Road', city: 'Pune' },
    tags: ['vip'],
    healthPlan: null,
    leadSource: null,
    notes: null,
  };

  it('changes only what the row fills differently, merging address parts and adding tags', () => {
    expect(
      importChanges(stored, {
        firstName: 'Asha',
        lastName: '',
        phone: '+919876543210',
        email: 'asha@example.com',
        address: { city: 'Pune' },
        tags: ['diabetic'],
      }),
    ).toEqual({ email: 'asha@example.com', tags: ['diabetic', 'vip'] });
  });

  it('changes nothing the second time the same row is applied', () => {
    const row = {
      firstName: 'Asha',
      lastName: 'Iyer',
      phone: '+919876543210',
      address: { state: 'MH' },
      tags: ['new'],
    };
    const once = { ...stored, ...importChanges(stored, row) } as ImportablePatient;
    expect(importChanges(once, row)).toEqual({});
  });
});
