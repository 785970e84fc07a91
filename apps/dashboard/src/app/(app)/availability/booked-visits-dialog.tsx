'use client';
import { formatLocalTime, formatShortDay } from '@carelane/core';
import { Button } from '@carelane/ui';
import { Modal } from '@/components/modal';

export type BookedVisit = { id: string; startsAt: Date; patientName: string; clinicianName: string };

/** The visits a CONFLICT from addException lists (`data.bookedVisits`), or none. */
export function bookedVisitsOf(error: unknown): BookedVisit[] {
  return (error as { data?: { bookedVisits?: BookedVisit[] | null } } | null | undefined)?.data?.bookedVisits ?? [];
}

/**
 * Time off or a closure over booked visits: the visits it covers, listed before anything is saved.
 * Saving keeps them booked; the calendar then flags each until it is moved or cancelled.
 */
export function BookedVisitsDialog({
  what,
  visits,
  zone,
  busy,
  onConfirm,
  onClose,
}: {
  what: string;
  visits: BookedVisit[];
  zone: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const count = visits.length === 1 ? '1 booked visit' : `${visits.length} booked visits`;
  return (
    <Modal title={`${what} covers ${count}`} onClose={onClose}>
      <p className="text-sm text-slate-700">
        These visits stay booked. The calendar marks each one until it is moved or cancelled, so let the patients know.
      </p>
      <ul
        className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200"
        aria-label="Booked visits it covers"
      >
        {visits.map((v) => (
          <li key={v.id} className="flex flex-wrap justify-between gap-x-3 px-3 py-2 text-sm">
            <span className="font-medium text-slate-900">
              {formatShortDay(v.startsAt.getTime(), zone)}, {formatLocalTime(v.startsAt, zone)}
            </span>
            <span className="text-slate-700">
              {v.patientName} · {v.clinicianName}
            </span>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button onClick={onConfirm} busy={busy}>
          Save anyway
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Go back
        </Button>
      </div>
    </Modal>
  );
}
