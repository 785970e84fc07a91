'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatLocalTime, localDate } from '@carelane/core';
import { Alert, Button } from '@carelane/ui';
import { useRouter } from 'next/navigation';

/** Times offered from the waitlist (book one before someone else does) and the wishes still open. */
export function WaitlistSection({ zone }: { zone: string }) {
  const router = useRouter();
  const mine = trpc.waitlist.mine.useQuery();
  const utils = trpc.useUtils();
  const accept = trpc.waitlist.acceptOffer.useMutation({
    onSuccess: () => {
      void utils.waitlist.mine.invalidate();
      router.push('/appointments?booked=1');
      router.refresh();
    },
    onError: () => void utils.waitlist.mine.invalidate(),
  });
  const leave = trpc.waitlist.leave.useMutation({ onSuccess: () => void utils.waitlist.mine.invalidate() });
  if (!mine.data || (mine.data.entries.length === 0 && mine.data.offers.length === 0)) return null;
  return (
    <section aria-labelledby="waitlist-heading" className="space-y-3">
      <h2 id="waitlist-heading" className="text-lg font-semibold text-slate-900">
        Waitlist
      </h2>
      {accept.error ? <Alert>{errorMessage(accept.error)}</Alert> : null}
      {mine.data.offers.length ? (
        <ul className="space-y-2" aria-label="Times offered to you">
          {mine.data.offers.map((o) => (
            <li
              key={o.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3"
            >
              <span className="text-sm text-emerald-950">
                <span className="font-semibold">
                  {localDate(o.startsAt, zone)} at {formatLocalTime(o.startsAt, zone)}
                </span>{' '}
                with {o.clinicianName} is free now.
              </span>
              <Button
                busy={accept.isPending && accept.variables?.offerId === o.id}
                onClick={() => accept.mutate({ offerId: o.id })}
              >
                Book this time
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <ul
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        aria-label="Your waitlist wishes"
      >
        {mine.data.entries.map((e) => (
          <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
            <span className="text-slate-800">
              {e.typeName} with {e.clinicianName ?? `any ${e.specialisation} clinician`}, {e.fromDate} to {e.toDate}
            </span>
            <Button
              variant="ghost"
              busy={leave.isPending && leave.variables?.id === e.id}
              onClick={() => leave.mutate({ id: e.id })}
            >
              Leave the waitlist
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
