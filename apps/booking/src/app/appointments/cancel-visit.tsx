'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button } from '@carelane/ui';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

/** Cancel with an optional reason, after a second look at what it means. */
export function CancelVisit({ appointmentId, late }: { appointmentId: string; late: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = trpc.portal.cancel.useMutation({ onSuccess: () => router.refresh() });
  const id = useId();
  if (!open) {
    return (
      <Button variant="secondary" className="min-h-0 px-3 py-1.5" onClick={() => setOpen(true)}>
        Cancel
      </Button>
    );
  }
  return (
    <div className="w-full space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      {late ? (
        <Alert tone="info">This is a late cancellation; the clinic may note it or charge a fee under its policy.</Alert>
      ) : null}
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Reason (optional)
      </label>
      <textarea
        id={id}
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
        rows={2}
      />
      {cancel.error ? <Alert>{errorMessage(cancel.error)}</Alert> : null}
      <div className="flex gap-2">
        <Button
          variant="danger"
          busy={cancel.isPending}
          onClick={() => cancel.mutate({ appointmentId, reason: reason || undefined })}
        >
          Cancel appointment
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Keep it
        </Button>
      </div>
    </div>
  );
}
