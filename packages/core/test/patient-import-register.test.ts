import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEXES } from '../src/constants';
import { findHeaderRow, matchHeaders, parseBirthDate, parseImportRow, parseSex } from '../src/patient-import';

const options = { country: 'IN', today: '2026-11-21' };

describe('sex as registers write it', () => {
  it('reads letters, English words in any case and Indian-language words', () => {
    const cases: [string, string][] = [
      ['M', 'male'],
      ['f', 'female'],
      ['O', 'other'],
      ['MALE', 'male'],
      [' Female. ', 'female'],
      ['oThEr', 'other'],
      ['पुरुष', 'male'],
      ['महिला', 'female'],
      ['स्त्री', 'female'],
      ['अन्य', 'other'],
      ['इतर', 'other'],
      ['পুরুষ', 'male'],
      ['মহিলা', 'female'],
      ['ஆண்', 'male'],
      ['பெண்', 'female'],
      ['పురుషుడు', 'male'],
      ['స్త్రీ', 'female'],
    ];
    for (const [written, sex] of cases) expect(parseSex(written), written).toBe(sex);
  });

  it('reads male, female and other in any case, spacing and closing full stop', () => {
    const word = fc.constantFrom(['m', 'male'], ['f', 'female'], ['o', 'other']);
    const casing = fc.array(fc.boolean(), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(word, casing, fc.boolean(), fc.nat(3), ([written, sex], upper, stop, pad) => {
        const cased = [...(written ?? '')].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
        const cell = `${' '.repeat(pad)}${cased}${stop ? '.' : ''}${' '.repeat(pad)}`;
        expect(parseSex(cell)).toBe(sex);
      }),
    );
  });

  it('gives a known sex or nothing, never throwing', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const sex = parseSex(value);
        expect(sex === null || (SEXES as readonly string[]).includes(sex)).toBe(true);
      }),
    );
    expect(parseSex('constructor')).toBeNull();
    expect(parseSex('toString')).toBeNull();
  });
});

describe('a register as clinics keep it', () => {
  it('maps insurance, health plan, TPA and policy headers to the health plan', () => {
    for (const header of ['Insurance', 'Health plan', 'TPA', 'Policy', 'Insurance / TPA', 'Mediclaim']) {
      expect(matchHeaders(['Name', 'Mobile', header]), header).toEqual({ fullName: 0, phone: 1, healthPlan: 2 });
    }
  });

  it('finds the header under a title and reads Devanagari rows, blanking what it cannot read', () => {
    const sheet = [
      ['शांति क्लिनिक - मरीज़ों की सूची'],
      [],
      ['क्रम', 'Naam', 'Mobile (WhatsApp)', 'Janm Tithi', 'Ling', 'Insurance', 'Email', 'Tags'],
    ];
    const header = findHeaderRow(sheet);
    expect(header).toBe(2);
    const mapping = matchHeaders(sheet[header] ?? []);
    expect(mapping).toEqual({ fullName: 1, phone: 2, birthDate: 3, sex: 4, healthPlan: 5, email: 6, tags: 7 });

    const good = parseImportRow(
      ['1', 'सुनीता देवी', '+91 98765 43210', '07/09/1990', 'महिला', 'Star Health', '', 'BP, शुगर'],
      mapping,
      options,
    );
    expect(good).toEqual({
      kind: 'patient',
      patient: {
        firstName: 'सुनीता',
        lastName: 'देवी',
        phone: '+919876543210',
        birthDate: '1990-09-07',
        sex: 'female',
        healthPlan: { insurer: 'Star Health' },
        tags: ['bp', 'शुगर'],
      },
      warnings: [],
    });

    const blanked = parseImportRow(
      ['2', 'रमेश कुमार', '098765-43211', 'kal', 'ज़ेड', 'x'.repeat(121), 'ramesh at mail', 'n/a'],
      mapping,
      options,
    );
    expect(blanked.kind).toBe('patient');
    if (blanked.kind !== 'patient') return;
    expect(blanked.patient).toEqual({ firstName: 'रमेश', lastName: 'कुमार', phone: '+919876543211' });
    expect(blanked.warnings.map((w) => w.field)).toEqual(['email', 'birthDate', 'sex', 'healthPlan']);
  });

  it('reads every common phone format as one number', () => {
    for (const phone of ['+91 98765 43210', '098765-43210', '9876543210', '(0)98765 43210', '0091 98765 43210']) {
      const row = parseImportRow(['A', phone], { fullName: 0, phone: 1 }, options);
      expect(row.kind === 'patient' && row.patient.phone, phone).toBe('+919876543210');
    }
  });

  it('reads every common date format, and Excel serials', () => {
    for (const [written, iso] of [
      ['07/09/1990', '1990-09-07'],
      ['07-09-90', '1990-09-07'],
      ['7 Sep 1990', '1990-09-07'],
      ['1990-09-07', '1990-09-07'],
      ['33123', '1990-09-07'],
      ['1990-09-07T00:00:00.000Z', '1990-09-07'],
    ]) {
      expect(parseBirthDate(written ?? '', options.today), written).toBe(iso);
    }
    // A bare year is not a date.
    expect(parseBirthDate('1985', options.today)).toBeNull();
  });

  it('imports any row with a name and a phone, whatever its optional cells hold', () => {
    const mapping = { fullName: 0, phone: 1, birthDate: 2, sex: 3, email: 4, bloodGroup: 5, tags: 6, healthPlan: 7 };
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 6, maxLength: 6 }), (optional) => {
        const row = parseImportRow(['Asha Rao', '9876543210', ...optional], mapping, options);
        expect(row.kind).toBe('patient');
        if (row.kind !== 'patient') return;
        expect(row.patient).toMatchObject({ firstName: 'Asha', lastName: 'Rao', phone: '+919876543210' });
        for (const warning of row.warnings) expect(row.patient).not.toHaveProperty(warning.field);
      }),
    );
  });
});
