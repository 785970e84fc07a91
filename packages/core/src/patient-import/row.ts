import type { Sex } from '../constants';
import { normalisePhone } from '../phone';
import { parseBirthDate } from './dates';
import type { ColumnMapping, ImportField } from './fields';

/** A patient as one spreadsheet row describes it: only the fields the row fills are present. */
export type ImportedPatient = {
  firstName: string;
  lastName: string;
  phone: string;
  email?: string;
  birthDate?: string;
  sex?: Sex;
  bloodGroup?: string;
  address?: { line1?: string; city?: string; state?: string; postalCode?: string };
  tags?: string[];
  leadSource?: string;
  notes?: string;
};

export type RowProblem = { field: ImportField | 'row'; message: string };

export type ParsedRow =
  | { kind: 'blank' }
  | { kind: 'patient'; patient: ImportedPatient }
  | { kind: 'invalid'; problems: RowProblem[] };

const SEX_WORDS: Record<string, Sex> = {
  m: 'male',
  male: 'male',
  man: 'male',
  purush: 'male',
  pursh: 'male',
  f: 'female',
  female: 'female',
  woman: 'female',
  mahila: 'female',
  stri: 'female',
  aurat: 'female',
  o: 'other',
  other: 'other',
  t: 'other',
  transgender: 'other',
  u: 'unknown',
  unknown: 'unknown',
};

const HONORIFIC = /^(mr|mrs|ms|miss|smt|shri|sri|kumari|dr)\.?\s+/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "B +ve", "b positive", "B+" -> "B+"; null when it is not a blood group. */
export function normaliseBloodGroup(value: string): string | null {
  const m = /^(ab|a|b|o)\s*(\+|-|\+ve|-ve|positive|negative|pos|neg)$/i.exec(value.trim());
  if (!m) return null;
  const sign = m[2]?.startsWith('+') || m[2]?.toLowerCase().startsWith('pos') ? '+' : '-';
  return `${m[1]?.toUpperCase()}${sign}`;
}

/** "Mrs. Asha  Rao" -> { firstName: "Asha", lastName: "Rao" }. */
export function splitName(full: string): { firstName: string; lastName: string } {
  const words = full.replace(HONORIFIC, '').trim().split(/\s+/).filter(Boolean);
  return { firstName: words[0] ?? '', lastName: words.slice(1).join(' ') };
}

/**
 * Reads one spreadsheet row through a column mapping: the phone in E.164 (read in the
 * organization's country), the birth date as an ISO date, sex and blood group from the ways
 * clinics write them. A row with nothing in it is blank; a row with problems names each field.
 */
export function parseImportRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  options: { country: string; today: string },
): ParsedRow {
  const cell = (field: ImportField): string => {
    const index = mapping[field];
    return index === undefined ? '' : (cells[index] ?? '').replace(/\s+/g, ' ').trim();
  };
  if (cells.every((c) => c.trim() === '')) return { kind: 'blank' };

  const problems: RowProblem[] = [];
  const name = cell('firstName')
    ? { firstName: cell('firstName'), lastName: cell('lastName') }
    : splitName(cell('fullName'));
  name.firstName = name.firstName.replace(HONORIFIC, '');
  if (!name.firstName)
    problems.push({ field: mapping.firstName === undefined ? 'fullName' : 'firstName', message: 'Name is missing' });

  const rawPhone = cell('phone');
  const phone = rawPhone ? normalisePhone(rawPhone.replace(/^0+(?=\d{10}$)/, ''), options.country) : null;
  if (!rawPhone) problems.push({ field: 'phone', message: 'Phone is missing' });
  else if (!phone) problems.push({ field: 'phone', message: 'Phone is not a valid number' });

  const patient: ImportedPatient = { ...name, phone: phone ?? '' };

  const email = cell('email').toLowerCase();
  if (email) {
    if (EMAIL.test(email) && email.length <= 254) patient.email = email;
    else problems.push({ field: 'email', message: 'Email is not an email address' });
  }
  const rawDate = cell('birthDate');
  if (rawDate) {
    const birthDate = parseBirthDate(rawDate, options.today);
    if (birthDate) patient.birthDate = birthDate;
    else problems.push({ field: 'birthDate', message: 'Date of birth is not a real date in the past' });
  }
  const rawSex = cell('sex').toLowerCase().replace(/\.$/, '');
  if (rawSex) {
    const sex = SEX_WORDS[rawSex];
    if (sex) patient.sex = sex;
    else problems.push({ field: 'sex', message: 'Sex is not one of male, female, other' });
  }
  const rawBlood = cell('bloodGroup');
  if (rawBlood) {
    const bloodGroup = normaliseBloodGroup(rawBlood);
    if (bloodGroup) patient.bloodGroup = bloodGroup;
    else problems.push({ field: 'bloodGroup', message: 'Blood group is not one of A, B, AB, O with + or -' });
  }
  const address = {
    ...(cell('addressLine') && { line1: cell('addressLine') }),
    ...(cell('city') && { city: cell('city') }),
    ...(cell('state') && { state: cell('state') }),
    ...(cell('postalCode') && { postalCode: cell('postalCode') }),
  };
  if (Object.keys(address).length > 0) patient.address = address;
  const tags = cell('tags')
    .split(/[,;|]/)
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (tags.length > 0) patient.tags = [...new Set(tags)].sort();
  if (cell('leadSource')) patient.leadSource = cell('leadSource');
  if (cell('notes')) patient.notes = cell('notes');

  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'patient', patient };
}
