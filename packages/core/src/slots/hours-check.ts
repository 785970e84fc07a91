import { formatLocalTime } from '../time';
import type { AvailabilityException, Interval, WeeklyRule } from './types';
import { mergeIntervals, ruleRanges, workingRanges } from './working-ranges';
import { isoWeekday, localDayOf, localDayStart } from './zone-clock';

/** Why a visit does not fit a clinician's working time, at the first instant it leaves it (`at`). */
export type HoursGap =
  | { kind: 'closure' | 'time_off'; at: number; from: number; to: number }
  | { kind: 'break'; at: number; from: number; to: number }
  | { kind: 'before_hours'; at: number; opens: number }
  | { kind: 'after_hours'; at: number; closes: number }
  | { kind: 'day_off' | 'centre_closed_day'; at: number; weekday: number };

export type HoursCheck = {
  /** Zone the local day is judged in (the centre's). */
  zone: string;
  /** The clinician's weekly hours at the centre, already without the centre's closed weekdays. */
  rules: readonly WeeklyRule[];
  exceptions: readonly AvailabilityException[];
  /** ISO weekdays the centre does not open (their rules were left out): said as such. */
  closedWeekdays?: readonly number[];
  mode?: WeeklyRule['mode'];
  /** The visit itself, without buffers. */
  start: number;
  end: number;
};

/**
 * Whether a visit lies wholly inside working time, judged by the slot engine's own `workingRanges`
 * (rules plus extra hours, minus time off and closures): null when it does, else why not. Unlike
 * the slots offered to patients, any start minute counts and buffers need not fit inside the hours
 * (they only keep other visits away, which the no-overlap constraint decides).
 */
export function hoursGap(check: HoursCheck): HoursGap | null {
  const span = { start: check.start, end: check.end };
  const working = workingRanges(check.rules, check.exceptions, span, check.mode);
  const covering = working.find((r) => r.start <= check.start && check.start < r.end);
  if (covering && covering.end >= check.end) return null;
  // Ranges are merged and never touch, so the end of the one holding the start is outside working time.
  const at = covering ? covering.end : check.start;

  for (const kind of ['closure', 'time_off'] as const) {
    const exception = check.exceptions.find((e) => e.kind === kind && e.start <= at && at < e.end);
    if (exception) return { kind, at, from: exception.start, to: exception.end };
  }

  const day = localDayOf(check.zone, at);
  const dayStart = localDayStart(check.zone, day);
  const dayEnd = localDayStart(check.zone, day + 1);
  const open: Interval[] = ruleRanges(check.rules, { start: dayStart, end: dayEnd }, check.mode);
  for (const e of check.exceptions) if (e.kind === 'extra_hours') open.push({ start: e.start, end: e.end });
  const today = mergeIntervals(open).filter((r) => r.start < dayEnd && r.end > dayStart);
  const first = today[0];
  const last = today[today.length - 1];
  if (!first || !last) {
    const weekday = isoWeekday(day);
    return { kind: check.closedWeekdays?.includes(weekday) ? 'centre_closed_day' : 'day_off', at, weekday };
  }
  if (at < first.start) return { kind: 'before_hours', at, opens: first.start };
  if (at >= last.end) return { kind: 'after_hours', at, closes: last.end };
  const before = [...today].reverse().find((r) => r.end <= at);
  const after = today.find((r) => r.start > at);
  return { kind: 'break', at, from: before?.end ?? at, to: after?.start ?? at };
}

const WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'] as const;
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Tue 9 Dec" in `zone`. */
export function formatShortDay(instant: number, zone: string): string {
  let formatter = dayFormats.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
    dayFormats.set(zone, formatter);
  }
  return formatter.format(instant).replace(',', '');
}

/** "13:00–14:00" on one local day, else "Mon 8 Dec 09:00 – Fri 12 Dec 18:00". */
function spanText(from: number, to: number, zone: string): string {
  const time = (t: number) => formatLocalTime(new Date(t), zone);
  if (localDayOf(zone, from) === localDayOf(zone, to - 1)) return `${time(from)}–${time(to)}`;
  return `${formatShortDay(from, zone)} ${time(from)} – ${formatShortDay(to, zone)} ${time(to)}`;
}

/** The gap in brackets: "break 13:00–14:00", "hours start at 09:00", "time off 8 Dec – 12 Dec". */
export function hoursGapReason(gap: HoursGap, zone: string): string {
  const time = (t: number) => formatLocalTime(new Date(t), zone);
  switch (gap.kind) {
    case 'closure':
      return `centre closed ${spanText(gap.from, gap.to, zone)}`;
    case 'time_off':
      return `time off ${spanText(gap.from, gap.to, zone)}`;
    case 'break':
      return `break ${time(gap.from)}–${time(gap.to)}`;
    case 'before_hours':
      return `hours start at ${time(gap.opens)}`;
    case 'after_hours':
      return `hours end at ${time(gap.closes)}`;
    case 'day_off':
      return `no working hours on ${WEEKDAYS[gap.weekday - 1] ?? 'that day'}`;
    case 'centre_closed_day':
      return `the centre is closed on ${WEEKDAYS[gap.weekday - 1] ?? 'that day'}`;
  }
}

/**
 * For a receptionist: "Dr. Meera Krishnan does not work at 13:00 on Tue 9 Dec (break 13:00–14:00)."
 * A visit that starts inside the hours and runs out of them says until when it would run.
 */
export function hoursGapSentence(clinicianName: string, gap: HoursGap, visit: Interval, zone: string): string {
  const time = (t: number) => formatLocalTime(new Date(t), zone);
  const base = `${clinicianName} does not work at ${time(gap.at)} on ${formatShortDay(gap.at, zone)} (${hoursGapReason(gap, zone)})`;
  return gap.at > visit.start ? `${base}; this visit would run until ${time(visit.end)}.` : `${base}.`;
}
