'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button } from '@carelane/ui';
import Link from 'next/link';
import { useState } from 'react';
import { Modal } from '@/components/modal';
import type { StaffMember } from './staff-format';

type FutureVisit = RouterOutputs['staff']['setActive']['futureVisits'][number];

/** The visits a deactivated clinician still had, each with a way to the day in the calendar to move it. */
function VisitsToMove({ name, visits }: { name: string; visits: FutureVisit[] }) {
  if (visits.length === 0) {
    return <Alert tone="success">{name} is deactivated. They had no visits still to come.</Alert>;
  }
  return (
    <div className="space-y-3">
      <Alert tone="info">
        {name} is deactivated. These {visits.length === 1 ? 'visit is' : `${visits.length} visits are`} still booked
        with them: move each to another clinician, or cancel it and tell the patient.
      </Alert>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Visits to move">
        {visits.map((v) => (
          <li
            key={v.id}
            className="flex flex-col gap-1 px-3 py-2 text-sm sm:flex-row sm:items-center sm:justify-between"
          >
            <div>
              <span className="font-medium text-slate-900">
                {v.dateLabel}, {v.timeLabel}
              </span>
              <span className="block text-slate-700">
                <Link href={`/patients/${v.patient.id}`} className="underline hover:text-teal-800">
                  {v.patient.name}
                </Link>{' '}
                · {v.centre.name}
              </span>
            </div>
            <Link
              href={`/calendar?date=${v.day}&centre=${v.centre.id}`}
              className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline hover:text-teal-900"
            >
              Open the day in the calendar
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Asks before deactivating; afterwards, for a clinician, lists what is left to move. */
export function DeactivateDialog({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const utils = trpc.useUtils();
  const setActive = trpc.staff.setActive.useMutation({ onSuccess: () => void utils.staff.list.invalidate() });
  const [visits, setVisits] = useState<FutureVisit[] | null>(null);
  return (
    <Modal title={`Deactivate ${member.name}?`} onClose={onClose}>
      {visits ? (
        <>
          <VisitsToMove name={member.name} visits={visits} />
          <div className="flex justify-end">
            <Button onClick={onClose}>Done</Button>
          </div>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            They are signed out everywhere at once and cannot sign in until someone reactivates them. Their records and
            history stay.
            {member.role === 'clinician' ? ' Their visits still to come will be listed next, to move.' : ''}
          </p>
          {setActive.error ? <Alert>{errorMessage(setActive.error)}</Alert> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button
              variant="danger"
              busy={setActive.isPending}
              onClick={() =>
                setActive.mutate({ userId: member.id, active: false }, { onSuccess: (r) => setVisits(r.futureVisits) })
              }
            >
              Deactivate
            </Button>
          </div>
        </>
      )}
    </Modal>
  );
}
