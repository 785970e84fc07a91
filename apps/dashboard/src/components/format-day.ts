/** "20 Nov 2026" for a calendar date (YYYY-MM-DD), whatever the browser's zone. */
export function formatDay(isoDate: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat('en-IN', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
    ...options,
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
