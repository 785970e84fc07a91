'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney } from '@carelane/core';
import { Avatar, Badge, Card, ErrorState, Skeleton } from '@carelane/ui';
import { useRouter, useSearchParams } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { useState } from 'react';
import { useBookingSite } from '@/components/online-booking-notice';
import { ConfirmPanel } from './confirm-panel';
import { SlotPicker } from './slot-picker';
import { WaitlistForm } from './waitlist-form';

/**
 * A clinician's page: who they are, what can be booked, the next free days and times, and the
 * booking itself (sign in by code first when needed). With ?reschedule=<id> it moves a visit.
 */
export function ClinicianBooking({ slug }: { slug: string }) {
  const router = useRouter();
  const params = useSearchParams();
  const { status } = useSession();
  const profile = trpc.clinicians.profile.useQuery({ slug });
  const site = useBookingSite();
  const rescheduleId = params.get('reschedule');
  const [typeId, setTypeId] = useState<string | null>(params.get('type'));
  const [chosen, setChosen] = useState<Date | null>(params.get('start') ? new Date(params.get('start') ?? '') : null);

  if (profile.error) return <ErrorState message={errorMessage(profile.error)} onRetry={() => void profile.refetch()} />;
  if (!profile.data) return <Skeleton className="h-96" />;
  const c = profile.data;
  const type = c.types.find((t) => t.id === typeId) ?? c.types[0] ?? null;

  function choose(start: Date) {
    if (!type) return;
    if (status !== 'authenticated') {
      const back = `/clinicians/${slug}?type=${type.id}&start=${encodeURIComponent(start.toISOString())}${rescheduleId ? `&reschedule=${rescheduleId}` : ''}`;
      router.push(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
      return;
    }
    setChosen(start);
  }

  return (
    <div className="grid min-w-0 gap-8 lg:grid-cols-[20rem_1fr]">
      <aside className="space-y-4">
        <Card className="space-y-3 p-5">
          <div className="flex items-center gap-4">
            <Avatar name={c.name} photoUrl={c.photoUrl} size={64} />
            <div>
              <h1 className="text-xl font-bold text-slate-900">{c.name}</h1>
              {c.title ? <p className="text-sm text-slate-700">{c.title}</p> : null}
            </div>
          </div>
          <p className="text-sm text-slate-600">{c.qualifications.join(', ')}</p>
          <div className="flex flex-wrap gap-1">
            {c.specialisations.map((s) => (
              <Badge key={s} tone="brand">
                {s}
              </Badge>
            ))}
          </div>
          <p className="text-sm text-slate-700">Speaks {c.languages.join(', ')}</p>
          {c.centres.map((centre) => (
            <p key={centre.id} className="text-sm text-slate-700">
              {centre.name}, {centre.addressLine}, {centre.city}
            </p>
          ))}
          {c.bio ? <p className="text-sm text-slate-700">{c.bio}</p> : null}
        </Card>
      </aside>

      <section aria-labelledby="book-heading" className="min-w-0 space-y-6">
        <h2 id="book-heading" className="text-2xl font-bold tracking-tight text-slate-900">
          {rescheduleId ? 'Choose a new time' : 'Book an appointment'}
        </h2>
        {site.data?.bookingOffMessage ? (
          <Card className="p-6 text-slate-700">{site.data.bookingOffMessage}</Card>
        ) : c.types.length === 0 ? (
          <Card className="p-6 text-slate-700">
            This clinician does not take online bookings. Please call the clinic.
          </Card>
        ) : (
          <>
            <fieldset className="space-y-2" disabled={Boolean(rescheduleId)}>
              <legend className="text-sm font-semibold text-slate-800">Appointment type</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {c.types.map((t) => (
                  <label
                    key={t.id}
                    className={`flex cursor-pointer items-start gap-3 rounded-lg border p-3 focus-within:ring-2 focus-within:ring-teal-700 ${
                      type?.id === t.id ? 'border-teal-700 bg-teal-50' : 'border-slate-300 bg-white'
                    }`}
                  >
                    <input
                      type="radio"
                      name="type"
                      value={t.id}
                      checked={type?.id === t.id}
                      onChange={() => {
                        setTypeId(t.id);
                        setChosen(null);
                      }}
                      className="mt-1 accent-teal-700"
                    />
                    <span>
                      <span className="block font-semibold text-slate-900">{t.name}</span>
                      <span className="block text-sm text-slate-700">
                        {t.durationMinutes} min · {t.mode === 'online' ? 'Online video' : 'In person'} ·{' '}
                        {formatMoney(t.priceMinor, t.currency)}
                        {t.prepaymentMinor > 0
                          ? t.prepaymentMinor < t.priceMinor
                            ? ` (${formatMoney(t.prepaymentMinor, t.currency)} paid when booking)`
                            : ' (paid when booking)'
                          : ''}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            {type ? (
              chosen ? (
                <ConfirmPanel
                  clinician={{ id: c.id, name: c.name }}
                  type={type}
                  startsAt={chosen}
                  zone={c.centres[0]?.zone ?? 'Asia/Kolkata'}
                  rescheduleId={rescheduleId}
                  onBack={() => setChosen(null)}
                />
              ) : (
                <>
                  <SlotPicker clinicianId={c.id} type={type} onChoose={choose} />
                  {rescheduleId ? null : (
                    <WaitlistForm
                      clinicianId={c.id}
                      typeId={type.id}
                      zone={c.centres[0]?.zone ?? 'Asia/Kolkata'}
                      returnTo={`/clinicians/${slug}?type=${type.id}`}
                    />
                  )}
                </>
              )
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
