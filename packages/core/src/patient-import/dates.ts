import { MONTH_NAMES } from '../time';

const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());

function monthNumber(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? null : index + 1;
}

/** Day, month and year as written, with two-digit years read as the most recent past year. */
function parts(text: string, thisYear: number): [number, number, number] | null {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T[\d:.]+Z?)?$/.exec(text);
  if (m) return [Number(m[3]), Number(m[2]), Number(m[1])];
  // Day first: clinics in India (and most of the world) write 05/03/1990 for 5 March.
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})$/.exec(text);
  if (m) return [Number(m[1]), Number(m[2]), fullYear(m[3] ?? '', thisYear)];
  m = /^(\d{1,2})(?:st|nd|rd|th)?[- ]([a-z]{3,9})\.?[-, ]+(\d{2}|\d{4})$/i.exec(text);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month ? [Number(m[1]), month, fullYear(m[3] ?? '', thisYear)] : null;
  }
  m = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i.exec(text);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month ? [Number(m[2]), month, Number(m[3])] : null;
  }
  // An Excel date serial (days since 30 Dec 1899) from a date cell saved as a number; five digits
  // only, so a bare year such as 1985 is never read as one.
  m = /^(\d{5})(?:\.0+)?$/.exec(text);
  if (m) {
    const date = new Date(Date.UTC(1899, 11, 30) + Number(m[1]) * 86_400_000);
    return [date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCFullYear()];
  }
  return null;
}

function fullYear(year: string, thisYear: number): number {
  if (year.length === 4) return Number(year);
  const twoDigit = Number(year);
  return 2000 + twoDigit > thisYear ? 1900 + twoDigit : 2000 + twoDigit;
}

/**
 * Reads a birth date written in any common format ("1990-03-05", "05/03/1990", "5-Mar-90",
 * "05.03.1990", "March 5, 1990", an ISO instant or an Excel serial from a spreadsheet date cell)
 * as an ISO date.
 * Returns null for a date that does not exist (31/02/1990), one before 1900, or one after
 * `today` (an ISO date).
 */
export function parseBirthDate(value: string, today: string): string | null {
  const p = parts(value.trim().replace(/\s+/g, ' '), Number(today.slice(0, 4)));
  if (!p) return null;
  const [day, month, year] = p;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const iso = date.toISOString().slice(0, 10);
  if (year < 1900 || iso > today) return null;
  return iso;
}
