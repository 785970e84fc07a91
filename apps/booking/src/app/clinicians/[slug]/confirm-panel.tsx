'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney } from '@carelane/core';
import { Alert, Button, Card } from '@carelane/ui';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { usePayVisit } from '@/components/checkout';

type Props = {
  clinician: { id: string; name: string };
  type: {
    id: string;
    name: string;
    durationMinutes: number;
    priceMinor: number;
    currency: string;
    mode: string;
    /** Paid online when booking (0: everything at the clinic). */
    prepaymentMinor: number;
  };
  startsAt: Date;
  zone: string;
  rescheduleId: string | null;
  onBack: () => void;
};

/** Holds the chosen time for a few minutes and asks the patient to confirm it. */
export function ConfirmPanel({ clinician, type, startsAt, zone, rescheduleId, onBack }: Props) {
  const router = useRouter();
  const hold = trpc.portal.hold.useMutation();
  const book = trpc.portal.book.useMutation();
  const reschedule = trpc.portal.reschedule.useMutation();
  const pay = usePayVisit();
  const utils = trpc.useUtils();
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const held = useRef(false);

  useEffect(() => {
    if (rescheduleId || held.current) return;
    held.current = true;
    hold.mutate({ clinicianId: clinician.id, typeId: type.id, startsAt });
  }, [rescheduleId, hold, clinician.id, type.id, startsAt]);

  const expiresAt = hold.data?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const tick = () => setSecondsLeft(Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);

  const when = new Intl.DateTimeFormat('en-IN', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(startsAt);
  const error = hold.error ?? book.error ?? reschedule.error ?? pay.error;
  // Paying moves the page to Checkout; the button stays busy until it has gone.
  const busy = book.isPending || reschedule.isPending || pay.isPending || pay.isSuccess;
  const prepay = rescheduleId ? 0 : type.prepaymentMinor;
  const atClinic = type.priceMinor - prepay;

  function confirm() {
    const done = async () => {
      await utils.availability.slots.invalidate();
      router.push(rescheduleId ? '/appointments?moved=1' : '/appointments?booked=1');
      router.refresh();
    };
    if (rescheduleId) reschedule.mutate({ appointmentId: rescheduleId, startsAt }, { onSuccess: done });
    else
      book.mutate(
        { clinicianId: clinician.id, typeId: type.id, startsAt },
        {
          onSuccess: (booked) => {
            if (booked.prepaymentMinor > 0) pay.mutate({ appointmentId: booked.id });
            else void done();
          },
        },
      );
  }

  return (
    <Card className="space-y-4 p-6">
      <h3 className="text-lg font-semibold text-slate-900">
        {rescheduleId ? 'Move your appointment to' : 'Confirm your appointment'}
      </h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-600">When</dt>
        <dd className="font-semibold text-slate-900">{when}</dd>
        <dt className="text-slate-600">With</dt>
        <dd className="text-slate-900">{clinician.name}</dd>
        <dt className="text-slate-600">Type</dt>
        <dd className="text-slate-900">
          {type.name} · {type.durationMinutes} min ·{' '}
          {type.mode === 'online' ? 'Online video (link in My appointments)' : 'In person'}
        </dd>
        <dt className="text-slate-600">Fee</dt>
        <dd className="text-slate-900">
          {prepay <= 0
            ? `${formatMoney(type.priceMinor, type.currency)}, paid at the clinic`
            : atClinic > 0
              ? `${formatMoney(prepay, type.currency)} now to confirm, ${formatMoney(atClinic, type.currency)} at the clinic`
              : `${formatMoney(prepay, type.currency)}, paid now to confirm`}
        </dd>
      </dl>
      {secondsLeft !== null && !error ? (
        <p className="text-sm text-slate-600" aria-live="polite">
          {secondsLeft > 0
            ? `We are holding this time for you for ${Math.floor(secondsLeft / 60)}:${String(secondsLeft % 60).padStart(2, '0')}.`
            : 'The hold has ended; confirm now if the time is still free.'}
        </p>
      ) : null}
      {prepay > 0 && !error ? (
        <p className="text-sm text-slate-600">
          You will pay securely with Razorpay (UPI, card or net banking). The time is kept for you while you pay.
        </p>
      ) : null}
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      {pay.error && book.data ? (
        <p className="text-sm text-slate-700">
          Your booking is saved and waits for payment: you can pay from{' '}
          <a href="/appointments" className="font-semibold text-teal-800 underline">
            My appointments
          </a>
          .
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button onClick={confirm} busy={busy} disabled={hold.isPending || Boolean(hold.error)}>
          {rescheduleId
            ? 'Move appointment'
            : prepay > 0
              ? `Book and pay ${formatMoney(prepay, type.currency)}`
              : 'Confirm booking'}
        </Button>
        <Button variant="secondary" onClick={onBack}>
          Choose another time
        </Button>
      </div>
    </Card>
  );
}
