import { formatMoney, localDate } from '@carelane/core';
import { Alert, EmptyState, StatusBadge } from '@carelane/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PayVisitButton } from '@/components/checkout';
import { serverCaller } from '@/server/caller';
import { requirePatient } from '@/server/session';
import { CancelVisit } from './cancel-visit';
import { WaitlistSection } from './waitlist-section';

export const metadata: Metadata = { title: 'My appointments' };

type MyAppointments = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>['portal']['myAppointments']>>;
/** Upcoming visits say whether they can still be changed online and what is due in advance; past ones cannot. */
type Visit = MyAppointments['past'][number] & { canChange?: boolean; payDueMinor?: number; payBy?: Date | null };

const PAID_NOTES: Partial<Record<Visit['paymentStatus'], string>> = {
  paid: 'paid',
  partly_paid: 'part paid',
  refunded: 'refunded',
};

function when(v: Visit) {
  const zone = v.centre.zone;
  const date = new Intl.DateTimeFormat('en-IN', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: zone,
  }).format(v.startsAt);
  const time = new Intl.DateTimeFormat('en-IN', { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(
    v.startsAt,
  );
  return `${date}, ${time}`;
}

function VisitList({ visits, label }: { visits: Visit[]; label: string }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" aria-label={label}>
      {visits.map((v) => (
        <li
          key={v.id}
          className="flex flex-wrap items-start justify-between gap-3 px-4 py-4"
          data-testid="visit"
          data-date={localDate(v.startsAt, v.centre.zone)}
        >
          <div className="min-w-0">
            <p className="font-semibold text-slate-900">{when(v)}</p>
            <p className="text-slate-800">
              {v.type.name} with {v.clinician.name}
            </p>
            <p className="text-sm text-slate-600">
              {v.mode === 'online'
                ? 'Online video visit'
                : `${v.centre.name}, ${v.centre.addressLine}, ${v.centre.city}`}{' '}
              · {formatMoney(v.feeMinor, v.currency)}
              {PAID_NOTES[v.paymentStatus] ? ` · ${PAID_NOTES[v.paymentStatus]}` : ''}
            </p>
            {v.payDueMinor && v.payDueMinor > 0 ? (
              <div className="mt-2 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
                <p className="text-sm text-amber-900">
                  Waiting for your payment
                  {v.payBy
                    ? ` until ${new Intl.DateTimeFormat('en-IN', { hour: 'numeric', minute: '2-digit', timeZone: v.centre.zone }).format(v.payBy)}; after that the time is released`
                    : ''}
                  .
                </p>
                <PayVisitButton appointmentId={v.id} amountMinor={v.payDueMinor} currency={v.currency} />
              </div>
            ) : null}
            {v.canChange ? (
              <div className="mt-2 flex flex-wrap gap-2">
                {v.clinician.slug ? (
                  <Link
                    href={`/clinicians/${v.clinician.slug}?type=${v.type.id}&reschedule=${v.id}`}
                    className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50"
                  >
                    Reschedule
                  </Link>
                ) : null}
                <CancelVisit appointmentId={v.id} late={isLate(v)} />
              </div>
            ) : null}
            {v.lateCancellation ? (
              <p className="text-sm text-amber-800">Changed late (inside the clinic’s notice window)</p>
            ) : null}
            {v.videoUrl && v.status !== 'cancelled' && !v.payDueMinor ? (
              <a
                href={v.videoUrl}
                className="text-sm font-semibold text-teal-800 underline"
                rel="noreferrer"
                target="_blank"
              >
                Join video visit
              </a>
            ) : null}
          </div>
          <StatusBadge status={v.status} />
        </li>
      ))}
    </ul>
  );
}

function isLate(v: Visit) {
  return v.startsAt.getTime() - Date.now() < v.type.lateCancellationHours * 3_600_000;
}

type PageProps = {
  searchParams: Promise<{ booked?: string; moved?: string; cancelled?: string; payment?: string }>;
};

/** What the patient is told on coming back from Checkout (the callback decides, never the browser). */
const PAYMENT_NOTICES: Record<string, { tone: 'success' | 'info' | 'error'; text: string }> = {
  paid: { tone: 'success', text: 'Thank you, your payment is received and your appointment is confirmed.' },
  processing: {
    tone: 'info',
    text: 'Your payment is being confirmed by the bank. This page will show it as paid within a few minutes.',
  },
  failed: { tone: 'error', text: 'The payment did not go through and no money was taken. You can try again below.' },
  cancelled: { tone: 'info', text: 'You left the payment page. Your booking waits for payment below.' },
  unverified: {
    tone: 'error',
    text: 'We could not verify that payment. If money was taken, it will show here once the bank confirms it.',
  },
  unavailable: { tone: 'error', text: 'Online payment is not available right now. Please pay at the clinic.' },
};

export default async function MyAppointmentsPage({ searchParams }: PageProps) {
  await requirePatient('/appointments');
  const flags = await searchParams;
  const data = await (await serverCaller()).portal.myAppointments();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">My appointments</h1>
        <p className="text-slate-600">
          {data.patient.firstName ? `${data.patient.firstName}, your visits` : 'Your visits'} with{' '}
          {data.patient.organizationName}.
        </p>
      </div>
      {flags.booked ? <Alert tone="success">Your appointment is booked. We look forward to seeing you.</Alert> : null}
      {flags.moved ? <Alert tone="success">Your appointment has been moved.</Alert> : null}
      {flags.payment && PAYMENT_NOTICES[flags.payment] ? (
        <Alert tone={PAYMENT_NOTICES[flags.payment]?.tone}>{PAYMENT_NOTICES[flags.payment]?.text}</Alert>
      ) : null}
      <section aria-labelledby="upcoming-heading" className="space-y-3">
        <h2 id="upcoming-heading" className="text-lg font-semibold text-slate-900">
          Upcoming
        </h2>
        {data.upcoming.length ? (
          <VisitList visits={data.upcoming} label="Upcoming appointments" />
        ) : (
          <EmptyState
            title="No upcoming appointments"
            action={
              <Link href="/" className="font-semibold text-teal-800 underline">
                Find a clinician
              </Link>
            }
          />
        )}
      </section>
      <WaitlistSection zone={data.upcoming[0]?.centre.zone ?? data.past[0]?.centre.zone ?? 'Asia/Kolkata'} />
      <section aria-labelledby="past-heading" className="space-y-3">
        <h2 id="past-heading" className="text-lg font-semibold text-slate-900">
          Past
        </h2>
        {data.past.length ? (
          <VisitList visits={data.past} label="Past appointments" />
        ) : (
          <EmptyState title="No past visits yet" />
        )}
      </section>
    </div>
  );
}
