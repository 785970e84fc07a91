'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { fullName } from '@carelane/core';
import { Alert, Button } from '@carelane/ui';
import { Modal } from '@/components/modal';
import type { PatientRecord } from './types';

/** Archive hides a patient from the list and pickers, keeping everything; restore brings them back. */
export function ArchiveDialog({
  patient,
  onClose,
}: {
  patient: PatientRecord;
  onClose: (message: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const archive = trpc.patients.archive.useMutation();
  const restore = trpc.patients.restore.useMutation();
  const archived = Boolean(patient.archivedAt);
  const mutation = archived ? restore : archive;
  const name = fullName(patient);
  function confirm() {
    mutation.mutate(
      { id: patient.id },
      {
        onSuccess: () => {
          void utils.patients.invalidate();
          onClose(archived ? `Restored ${name}.` : `Archived ${name}. Restore them any time from this page.`);
        },
      },
    );
  }
  return (
    <Modal title={archived ? 'Restore this patient?' : 'Archive this patient?'} onClose={() => onClose(null)}>
      <p className="text-sm text-slate-700">
        {archived
          ? `${name} will show in the patient list and searches again.`
          : `${name} will no longer show in the patient list or searches. Their record, visits and notes are kept.`}
      </p>
      {mutation.error ? <Alert>{errorMessage(mutation.error)}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant={archived ? 'primary' : 'danger'} busy={mutation.isPending} onClick={confirm}>
          {archived ? 'Restore' : 'Archive'}
        </Button>
        <Button variant="secondary" onClick={() => onClose(null)} data-autofocus>
          Cancel
        </Button>
      </div>
    </Modal>
  );
}
