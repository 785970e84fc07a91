import type { RouterOutputs } from '@carelane/api/client';

export type WaitlistEntry = RouterOutputs['waitlist']['list']['entries'][number];
export type WaitlistOffer = WaitlistEntry['offers'][number];

export const STATUS_LABELS: Record<WaitlistEntry['status'], string> = {
  waiting: 'Waiting',
  booked: 'Booked',
  cancelled: 'Removed or left',
};

/** "2026-11-12" -> "12 Nov 2026": a calendar date, so no zone is involved. */
export function formatDay(isoDate: string, options: Intl.DateTimeFormatOptions = { year: 'numeric' }): string {
  return new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', timeZone: 'UTC', ...options }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

/** "12 – 26 Nov 2026", "28 Nov – 5 Dec 2026", or one day. */
export function formatDateRange(from: string, to: string): string {
  if (from === to) return formatDay(from);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${formatDay(from, sameYear ? {} : { year: 'numeric' })} – ${formatDay(to)}`;
}

/** How long someone has waited, in the largest whole unit: "under an hour", "5 hours", "3 days". */
export function waitedFor(since: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  if (hours < 1) return 'under an hour';
  if (hours < 24) return hours === 1 ? '1 hour' : `${hours} hours`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day' : `${days} days`;
}

/** Who the patient wants to see: "Dr. Meera Iyer" or "Any clinician in Dentistry". */
export function wanted(entry: Pick<WaitlistEntry, 'clinician' | 'specialisation'>): string {
  return entry.clinician?.name ?? `Any clinician in ${entry.specialisation ?? 'any specialisation'}`;
}
