'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { addLocalDays, localDate } from '@carelane/core';
import { Alert, Button, Card, TextField } from '@carelane/ui';
import { useRouter } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { useState } from 'react';

/** "No good time? Tell us when you could come": we message you if a time frees up. */
export function WaitlistForm({
  clinicianId,
  typeId,
  zone,
  returnTo,
}: {
  clinicianId: string;
  typeId: string;
  zone: string;
  returnTo: string;
}) {
  const router = useRouter();
  const { status } = useSession();
  const today = localDate(new Date(), zone);
  const [fromDate, setFrom] = useState(today);
  const [toDate, setTo] = useState(addLocalDays(today, 14));
  const join = trpc.waitlist.join.useMutation();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (status !== 'authenticated') {
      router.push(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
      return;
    }
    join.mutate({ clinicianId, typeId, fromDate, toDate });
  }

  return (
    <Card className="space-y-3 p-5">
      <h3 className="font-semibold text-slate-900">No time that suits you?</h3>
      <p className="text-sm text-slate-700">
        Join the waitlist: if a time frees up between these dates, we send you a message and the first to book it gets
        it.
      </p>
      {join.isSuccess ? (
        <Alert tone="success">You are on the waitlist. Offers also appear in My appointments.</Alert>
      ) : (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <TextField
            label="From"
            type="date"
            min={today}
            value={fromDate}
            onChange={(e) => setFrom(e.target.value)}
            className="w-44"
          />
          <TextField
            label="To"
            type="date"
            min={fromDate}
            value={toDate}
            onChange={(e) => setTo(e.target.value)}
            className="w-44"
          />
          <Button type="submit" variant="secondary" busy={join.isPending}>
            Join the waitlist
          </Button>
        </form>
      )}
      {join.error ? <Alert>{errorMessage(join.error)}</Alert> : null}
    </Card>
  );
}
