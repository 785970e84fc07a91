import type { Sex } from '../constants';
import { normalisePhone } from '../phone';
import { parseBirthDate } from './dates';
import type { ColumnMapping, ImportField } from './fields';
import { parseSex } from './sex';

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
  healthPlan?: { insurer: string };
  leadSource?: string;
  notes?: string;
};

export type RowProblem = { field: ImportField | 'row'; message: string };

export type ParsedRow =
  | { kind: 'blank' }
  | { kind: 'patient'; patient: ImportedPatient; warnings: RowProblem[] }
  | { kind: 'invalid'; problems: RowProblem[] };

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

/** Cells that mean "nothing here" in an optional column. */
const NOTHING = new Set(['-', '--', '.', '—', 'na', 'n/a', 'n.a', 'nil', 'none', 'null', 'not known']);

/** The longest text each field takes (as the patient form allows). */
const LONGEST = { name: 80, line1: 200, city: 80, state: 80, postalCode: 20, insurer: 120, tag: 40, leadSource: 80 };
const MOST_TAGS = 20;
const LONGEST_NOTES = 2000;

/**
 * Reads one spreadsheet row through a column mapping: the phone in E.164 (read in the
 * organization's country), the birth date as an ISO date, sex and blood group from the ways
 * clinics write them. A row with nothing in it is blank. Only a row without a usable name or
 * phone is invalid; an optional field the row fills in a way we cannot read is left out of the
 * patient, with a warning naming it.
 */
export function parseImportRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  options: { country: string; today: string },
): ParsedRow {
  const text = (field: ImportField): string => {
    const index = mapping[field];
    return index === undefined ? '' : (cells[index] ?? '').replace(/\s+/g, ' ').trim();
  };
  if (cells.every((c) => c.trim() === '')) return { kind: 'blank' };

  const problems: RowProblem[] = [];
  const name = text('firstName')
    ? { firstName: text('firstName'), lastName: text('lastName') }
    : splitName(text('fullName'));
  name.firstName = name.firstName.replace(HONORIFIC, '');
  const nameField = mapping.firstName === undefined ? 'fullName' : 'firstName';
  if (!name.firstName) problems.push({ field: nameField, message: 'Name is missing' });
  else if (name.firstName.length > LONGEST.name || name.lastName.length > LONGEST.name)
    problems.push({ field: nameField, message: `Name is longer than ${LONGEST.name} characters` });

  const rawPhone = text('phone');
  const phone = rawPhone ? normalisePhone(rawPhone.replace(/^0+(?=\d{10}$)/, ''), options.country) : null;
  if (!rawPhone) problems.push({ field: 'phone', message: 'Phone is missing' });
  else if (!phone) problems.push({ field: 'phone', message: 'Phone is not a valid number' });
  if (problems.length > 0) return { kind: 'invalid', problems };

  const patient: ImportedPatient = { ...name, phone: phone ?? '' };
  const warnings: RowProblem[] = [];
  const warn = (field: ImportField, message: string) => warnings.push({ field, message: `${message} (left blank)` });
  /** An optional cell: empty for nothing or a "n/a" kind of marker. */
  const cell = (field: ImportField): string => {
    const value = text(field);
    return NOTHING.has(value.toLowerCase()) ? '' : value;
  };
  /** An optional text cell, kept when it fits. */
  const fitting = (field: ImportField, label: string, longest: number): string | undefined => {
    const value = cell(field);
    if (value.length <= longest) return value || undefined;
    warn(field, `${label} is longer than ${longest} characters`);
    return undefined;
  };

  const email = cell('email')
    .toLowerCase()
    .replace(/^mailto:/, '');
  if (email) {
    // A cell with two addresses keeps the first.
    const first = email.split(/[\s,;/]+/).find(Boolean) ?? '';
    if (EMAIL.test(first) && first.length <= 254) patient.email = first;
    else warn('email', 'Email is not an email address');
  }
  const rawDate = cell('birthDate');
  if (rawDate) {
    const birthDate = parseBirthDate(rawDate, options.today);
    if (birthDate) patient.birthDate = birthDate;
    else warn('birthDate', 'Date of birth is not a real date in the past');
  }
  const rawSex = cell('sex');
  if (rawSex) {
    const sex = parseSex(rawSex);
    if (sex) patient.sex = sex;
    else warn('sex', 'Sex is not one of male, female, other');
  }
  const rawBlood = cell('bloodGroup');
  if (rawBlood) {
    const bloodGroup = normaliseBloodGroup(rawBlood);
    if (bloodGroup) patient.bloodGroup = bloodGroup;
    else warn('bloodGroup', 'Blood group is not one of A, B, AB, O with + or -');
  }
  const line1 = fitting('addressLine', 'Address', LONGEST.line1);
  const city = fitting('city', 'City', LONGEST.city);
  const state = fitting('state', 'State', LONGEST.state);
  const postalCode = fitting('postalCode', 'PIN code', LONGEST.postalCode);
  const address = {
    ...(line1 && { line1 }),
    ...(city && { city }),
    ...(state && { state }),
    ...(postalCode && { postalCode }),
  };
  if (Object.keys(address).length > 0) patient.address = address;
  const insurer = fitting('healthPlan', 'Health plan', LONGEST.insurer);
  if (insurer) patient.healthPlan = { insurer };
  const tags = [
    ...new Set(
      cell('tags')
        .split(/[,;|]/)
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t && !NOTHING.has(t)),
    ),
  ];
  if (tags.some((t) => t.length > LONGEST.tag)) warn('tags', `Tags are longer than ${LONGEST.tag} characters`);
  else if (tags.length > MOST_TAGS) warn('tags', `There are more than ${MOST_TAGS} tags`);
  else if (tags.length > 0) patient.tags = tags.sort();
  const leadSource = fitting('leadSource', 'Lead source', LONGEST.leadSource);
  if (leadSource) patient.leadSource = leadSource;
  // Notes are the clinic's own words: a dash or "nil" there is kept as written.
  const notes = text('notes');
  if (notes.length > LONGEST_NOTES) warn('notes', `Notes are longer than ${LONGEST_NOTES} characters`);
  else if (notes) patient.notes = notes;

  return { kind: 'patient', patient, warnings };
}
