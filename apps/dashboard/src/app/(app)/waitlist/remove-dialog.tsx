'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button } from '@carelane/ui';
import { Modal } from '@/components/modal';
import type { WaitlistEntry } from './format';

/** Asks before taking someone off the waitlist: they stop getting offers and it cannot be undone. */
export function RemoveDialog({ entry, onClose }: { entry: WaitlistEntry; onClose: (removed: string | null) => void }) {
  const utils = trpc.useUtils();
  const remove = trpc.waitlist.remove.useMutation({
    onSuccess: () => {
      void utils.waitlist.list.invalidate();
      onClose(`Removed ${entry.patient.name} from the waitlist.`);
    },
  });
  return (
    <Modal title="Remove from the waitlist?" onClose={() => onClose(null)}>
      <p className="text-sm text-slate-800">
        <span className="font-semibold">{entry.patient.name}</span> will no longer be offered freed times{' '}
        {entry.clinician ? `with ${entry.clinician.name}` : `in ${entry.specialisation}`}. To put them back, add them
        again.
      </p>
      {remove.error ? <Alert>{errorMessage(remove.error)}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate({ id: entry.id })}>
          Remove from waitlist
        </Button>
        <Button variant="secondary" onClick={() => onClose(null)} data-autofocus>
          Keep on waitlist
        </Button>
      </div>
    </Modal>
  );
}
