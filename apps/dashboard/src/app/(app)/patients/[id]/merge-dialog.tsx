'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { fullName } from '@carelane/core';
import { Alert, Button } from '@carelane/ui';
import { useState } from 'react';
import { Modal } from '@/components/modal';
import { PatientPicker, type PickedPatient } from '@/components/patient-picker';
import type { PatientRecord } from './types';

/**
 * Folds a duplicate record into this one: its visits, notes, forms, treatments and payments move
 * here and the duplicate becomes a read-only pointer. Asked twice, since it cannot be undone.
 */
export function MergeDialog({
  patient,
  onClose,
}: {
  patient: PatientRecord;
  onClose: (message: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const merge = trpc.patients.merge.useMutation();
  const [duplicate, setDuplicate] = useState<PickedPatient | null>(null);
  const [confirming, setConfirming] = useState(false);
  const name = fullName(patient);
  const same = duplicate?.id === patient.id;

  function confirm() {
    if (!duplicate) return;
    merge.mutate(
      { survivorId: patient.id, duplicateId: duplicate.id },
      {
        onSuccess: () => {
          void utils.patients.invalidate();
          void utils.clinicalNotes.invalidate();
          onClose(`Merged ${duplicate.name} into ${name}.`);
        },
      },
    );
  }

  return (
    <Modal title="Merge a duplicate record" onClose={() => onClose(null)}>
      <p className="text-sm text-slate-700">
        Choose the duplicate of <strong>{name}</strong>. Its appointments, notes, forms, treatments and payments move to{' '}
        {name}; the duplicate is kept read-only and points here.
      </p>
      <PatientPicker
        patient={duplicate}
        onChange={(p) => {
          setDuplicate(p);
          setConfirming(false);
        }}
        error={same ? 'This is the record you are on; choose the duplicate' : null}
      />
      {merge.error ? <Alert>{errorMessage(merge.error)}</Alert> : null}
      {confirming && duplicate ? (
        <Alert tone="info">
          Merge {duplicate.name} into {name}? This cannot be undone.
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {confirming ? (
          <Button variant="danger" busy={merge.isPending} onClick={confirm}>
            Yes, merge
          </Button>
        ) : (
          <Button disabled={!duplicate || same} onClick={() => setConfirming(true)}>
            Merge…
          </Button>
        )}
        <Button variant="secondary" onClick={() => onClose(null)}>
          Cancel
        </Button>
      </div>
    </Modal>
  );
}
