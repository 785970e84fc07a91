import { subYears } from 'date-fns';
import { AGE_BANDS, type AgeBand } from './patient-search';
import { addLocalDays } from './time';

/** How far back "seen recently" reaches, in days. */
export const SEEN_RECENTLY_DAYS = 90;

export type PatientStatsBounds = {
  /** First day of the local month: registered on or after it is new this month. */
  monthStart: string;
  /** Last visit on or after this local day counts as seen in the last SEEN_RECENTLY_DAYS days. */
  seenSince: string;
  /** Each band but the oldest, youngest first: born after `bornAfter` is younger than the next band. */
  bands: Array<{ band: AgeBand; bornAfter: string }>;
};

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The day boundaries of the registry's statistics on a local date. Ages are whole years as on
 * a birthday (born 29 February: a year older on 1 March in other years, as the list's age filter has it).
 */
export function patientStatsBounds(today: string): PatientStatsBounds {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`Not an ISO date: ${today}`);
  const day = new Date(`${today}T00:00:00Z`);
  const bands = AGE_BANDS.slice(0, -1).map((band, i) => {
    // The next band starts at this age ("18-29" after "0-17").
    const nextStart = Number.parseInt(AGE_BANDS[i + 1] ?? '', 10);
    return { band, bornAfter: isoDay(subYears(day, nextStart)) };
  });
  return { monthStart: `${today.slice(0, 7)}-01`, seenSince: addLocalDays(today, -SEEN_RECENTLY_DAYS), bands };
}

/** A person's age band on `today` from the bounds (null birth date: unknown). */
export function ageBandOf(birthDate: string | null, bounds: PatientStatsBounds): AgeBand | 'unknown' {
  if (!birthDate) return 'unknown';
  for (const { band, bornAfter } of bounds.bands) if (birthDate > bornAfter) return band;
  return AGE_BANDS[AGE_BANDS.length - 1] as AgeBand;
}
