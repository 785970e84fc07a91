/** Whole years from a birth date (YYYY-MM-DD) to `on`, or null when unknown. */
export function ageOn(birthDate: string | null, on: Date): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number);
  if (!y || !m || !d) return null;
  const before = on.getMonth() + 1 < m || (on.getMonth() + 1 === m && on.getDate() < d);
  return on.getFullYear() - y - (before ? 1 : 0);
}

const DAY = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric' });

/** "21 Nov 2026", or null when there is no date. */
export function shortDate(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : DAY.format(date);
}

const CALENDAR_DAY = new Intl.DateTimeFormat('en-IN', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar date (YYYY-MM-DD) as "3 Apr 1988": no zone is involved, so none may shift it. */
export function calendarDay(value: string | null | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? CALENDAR_DAY.format(new Date(`${value}T12:00:00Z`)) : null;
}

export const SEX_LABELS = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Not recorded' } as const;
