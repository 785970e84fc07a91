import { addLocalDays } from './time';

export const MAX_OCCURRENCES = 52;

/**
 * Local dates of a weekly series: the first date, then every `everyWeeks` weeks, until `count`
 * dates or the last date on or before `until` (inclusive), never more than MAX_OCCURRENCES.
 * The wall-clock time is applied per date by the caller, so a series keeps its local time across
 * DST changes.
 */
export function weeklyOccurrences(
  firstDate: string,
  everyWeeks: number,
  limit: { count: number } | { until: string },
): string[] {
  if (!Number.isInteger(everyWeeks) || everyWeeks < 1) throw new RangeError('everyWeeks must be a positive integer');
  const dates: string[] = [];
  for (let i = 0; i < MAX_OCCURRENCES; i++) {
    const date = addLocalDays(firstDate, i * 7 * everyWeeks);
    if ('count' in limit ? i >= limit.count : date > limit.until) break;
    dates.push(date);
  }
  return dates;
}
