/** One weekly working range as staff enter it. */
export type WeeklyHoursEntry = { weekday: number; start: string; end: string };

export type HoursProblem = { index: number; field: 'start' | 'end' | 'weekday'; message: string };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(time: string): number {
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return hh * 60 + mm;
}

/**
 * Checks a week of working ranges: valid times, end after start, and no two ranges of one day
 * overlapping. Each problem names the entry and field, for the form to show beside it.
 */
export function checkWeeklyHours(entries: readonly WeeklyHoursEntry[]): HoursProblem[] {
  const problems: HoursProblem[] = [];
  entries.forEach((e, index) => {
    if (!Number.isInteger(e.weekday) || e.weekday < 1 || e.weekday > 7) {
      problems.push({ index, field: 'weekday', message: 'Choose a day of the week' });
    }
    if (!TIME.test(e.start)) problems.push({ index, field: 'start', message: 'Use a time like 09:00' });
    if (!TIME.test(e.end)) problems.push({ index, field: 'end', message: 'Use a time like 17:30' });
    else if (TIME.test(e.start) && minutes(e.end) <= minutes(e.start)) {
      problems.push({ index, field: 'end', message: 'The end must be after the start' });
    }
  });
  if (problems.length) return problems;
  const byDay = new Map<number, Array<{ index: number; start: number; end: number }>>();
  entries.forEach((e, index) => {
    const list = byDay.get(e.weekday) ?? [];
    list.push({ index, start: minutes(e.start), end: minutes(e.end) });
    byDay.set(e.weekday, list);
  });
  for (const list of byDay.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const cur = list[i];
      if (prev && cur && cur.start < prev.end) {
        problems.push({ index: cur.index, field: 'start', message: 'This overlaps another range on the same day' });
      }
    }
  }
  return problems;
}
