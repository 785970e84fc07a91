import { type ColumnMapping, IMPORT_FIELD_NAMES, IMPORT_FIELDS, type ImportField } from './fields';

/** "  Mobile No. " -> "mobile no", "Date_of_Birth" -> "date of birth", "D.O.B" -> "d.o.b". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[_\-/:*#()[\]]+/g, ' ')
    .replace(/\.(?=\s|$)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const FIELD_BY_HEADER = new Map<string, ImportField>(
  IMPORT_FIELD_NAMES.flatMap((field) => IMPORT_FIELDS[field].headers.map((h) => [headerKey(h), field] as const)),
);

/** The field a header names, if it is one we know: the whole header, else its first part that does. */
export function fieldForHeader(header: string): ImportField | null {
  const whole = FIELD_BY_HEADER.get(headerKey(header));
  if (whole) return whole;
  // "Insurance / TPA", "Mobile (WhatsApp)": clinics name one column two ways.
  for (const part of header.split(/[/()|]/)) {
    const field = FIELD_BY_HEADER.get(headerKey(part));
    if (field) return field;
  }
  return null;
}

/**
 * Suggests a mapping from a header row: each known header fills its field, the first column
 * winning when two name the same field. A full name and first/last names are not both kept.
 */
export function matchHeaders(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const field = fieldForHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  if (mapping.firstName !== undefined && mapping.fullName !== undefined) delete mapping.fullName;
  return mapping;
}

/**
 * Finds the header row among the first rows of a sheet (clinics often put a title or a date
 * above it): the first row where at least two cells are known headers, one of them a name or a
 * phone. Returns its index, or -1.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  return rows.findIndex((row) => {
    const fields = row.map(fieldForHeader).filter((f): f is ImportField => f !== null);
    const identifying = fields.some((f) => f === 'fullName' || f === 'firstName' || f === 'phone');
    return identifying && new Set(fields).size >= 2;
  });
}

/** What a mapping cannot do without: a name and a phone (the import matches patients on phone). */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  if (mapping.fullName === undefined && mapping.firstName === undefined)
    problems.push('Choose the column with the name.');
  if (mapping.phone === undefined) problems.push('Choose the column with the phone number.');
  return problems;
}
