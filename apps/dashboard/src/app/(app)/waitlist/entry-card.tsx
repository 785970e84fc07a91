'use client';
import { formatLocalTime, formatPhone, localDate } from '@carelane/core';
import { Badge, Button, Card, cn } from '@carelane/ui';
import {
  formatDateRange,
  formatDay,
  STATUS_LABELS,
  type WaitlistEntry,
  type WaitlistOffer,
  waitedFor,
  wanted,
} from './format';

const OFFER_STATES: Record<WaitlistOffer['state'], { label: string; className: string }> = {
  offered: { label: 'Offered', className: 'bg-sky-100 text-sky-900 ring-sky-300' },
  accepted: { label: 'Accepted', className: 'bg-emerald-100 text-emerald-900 ring-emerald-300' },
  expired: { label: 'Expired, no answer', className: 'bg-slate-100 text-slate-700 ring-slate-300' },
  lost: { label: 'Lost, booked by another patient', className: 'bg-amber-100 text-amber-900 ring-amber-300' },
};

function OfferLine({ offer, now }: { offer: WaitlistOffer; now: Date }) {
  // "Thu, 26 Nov, 10:00"; a deadline later today reads as just the time.
  const at = (instant: Date, dropToday = false) => {
    const day = localDate(instant, offer.zone);
    const time = formatLocalTime(instant, offer.zone);
    return dropToday && day === localDate(now, offer.zone) ? time : `${formatDay(day, { weekday: 'short' })}, ${time}`;
  };
  const state = OFFER_STATES[offer.state];
  return (
    <li className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-800">
      <span
        className={cn(
          'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset',
          state.className,
        )}
      >
        {state.label}
      </span>
      <span>
        {at(offer.startsAt)} with {offer.clinicianName} at {offer.centreName}
        {offer.state === 'offered' ? (
          <span className="text-slate-600"> · open until {at(offer.expiresAt, true)}</span>
        ) : null}
      </span>
    </li>
  );
}

/** One person on the waitlist: who, what they want, since when, what they were offered. */
export function EntryCard({
  entry,
  now,
  zone,
  onRemove,
}: {
  entry: WaitlistEntry;
  now: Date;
  /** The organization's zone, for the day the entry was added. */
  zone: string;
  onRemove: ((entry: WaitlistEntry) => void) | null;
}) {
  const headingId = `entry-${entry.id}`;
  return (
    <Card className="p-4">
      <article aria-labelledby={headingId} className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h2 id={headingId} className="text-base font-semibold text-slate-900">
              {entry.patient.name}
            </h2>
            <p className="text-sm text-slate-600">
              {entry.patient.phone ? (
                <a
                  href={`tel:${entry.patient.phone}`}
                  className="font-medium text-teal-800 tabular-nums underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-teal-700"
                >
                  {formatPhone(entry.patient.phone)}
                </a>
              ) : (
                'No phone'
              )}
              <span className="text-slate-500"> · {entry.patient.mrn}</span>
            </p>
          </div>
          {entry.status === 'waiting' ? (
            <Badge tone="brand">Waiting {waitedFor(entry.createdAt, now)}</Badge>
          ) : (
            <Badge>{STATUS_LABELS[entry.status]}</Badge>
          )}
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm lg:grid-cols-4">
          <div>
            <dt className="text-xs font-medium text-slate-600">Wants</dt>
            <dd className="text-slate-900">{wanted(entry)}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium text-slate-600">Visit</dt>
            <dd className="text-slate-900">
              {entry.type.name}, {entry.type.durationMinutes} min
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium text-slate-600">Can come</dt>
            <dd className="text-slate-900">{formatDateRange(entry.fromDate, entry.toDate)}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium text-slate-600">Added</dt>
            <dd className="text-slate-900">{formatDay(localDate(entry.createdAt, zone))}</dd>
          </div>
          {entry.notes ? (
            <div className="col-span-2 lg:col-span-4">
              <dt className="text-xs font-medium text-slate-600">Notes</dt>
              <dd className="whitespace-pre-line text-slate-900">{entry.notes}</dd>
            </div>
          ) : null}
        </dl>
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-3">
          {entry.offers.length ? (
            <div className="space-y-1">
              <h3 className="text-xs font-medium text-slate-600">Times offered</h3>
              <ul className="space-y-1">
                {entry.offers.map((o) => (
                  <OfferLine key={o.id} offer={o} now={now} />
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-slate-600">No time offered yet.</p>
          )}
          {onRemove ? (
            <Button variant="secondary" onClick={() => onRemove(entry)}>
              Remove<span className="sr-only"> {entry.patient.name} from the waitlist</span>
            </Button>
          ) : null}
        </div>
      </article>
    </Card>
  );
}
