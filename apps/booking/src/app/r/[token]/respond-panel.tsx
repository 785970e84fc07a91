'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import type { AppointmentStatus } from '@carelane/core';
import { Alert, Button } from '@carelane/ui';
import { useState } from 'react';

type Props = {
  token: string;
  action: 'confirm' | 'cancel';
  /** "Tue 3 Dec at 6:00 pm" at the centre. */
  when: string;
  status: AppointmentStatus;
  confirmed: boolean;
};

/** One button for what the link is for; the change is a POST (the tRPC mutation), never the page load. */
export function RespondPanel({ token, action, when, status, confirmed }: Props) {
  const respond = trpc.confirmations.respond.useMutation();
  const [kept, setKept] = useState(false);
  const done = respond.data;

  if (status === 'cancelled') return <Alert tone="info">This visit has already been cancelled.</Alert>;
  if (done?.outcome === 'cancelled') {
    return (
      <Alert tone="success">
        Your visit on {when} is cancelled.
        {done.lateCancellation ? ' As it was close to the time, the clinic may note it as a late cancellation.' : ''}
      </Alert>
    );
  }
  if (done || (action === 'confirm' && confirmed)) {
    return (
      <Alert tone="success">
        Thank you — see you on {when}.
        {done?.outcome === 'already_confirmed' || (!done && confirmed) ? ' You have already confirmed.' : ''}
      </Alert>
    );
  }
  if (kept) return <Alert tone="success">Your visit is kept — see you on {when}.</Alert>;

  return (
    <div className="space-y-3">
      {respond.error ? <Alert>{errorMessage(respond.error)}</Alert> : null}
      {action === 'confirm' ? (
        <Button className="w-full" busy={respond.isPending} onClick={() => respond.mutate({ token })}>
          Yes, I'll be there
        </Button>
      ) : (
        <>
          <Button
            variant="danger"
            className="w-full"
            busy={respond.isPending}
            onClick={() => respond.mutate({ token })}
          >
            Cancel this visit
          </Button>
          <Button variant="secondary" className="w-full" disabled={respond.isPending} onClick={() => setKept(true)}>
            Keep my visit
          </Button>
        </>
      )}
    </div>
  );
}
