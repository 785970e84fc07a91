import { CLINIC_KINDS, type ClinicKind } from '@carelane/core';
import { Button, SelectField } from '@carelane/ui';
import { useState } from 'react';

const KIND_LABELS: Record<ClinicKind, string> = {
  general: 'General practice',
  dental: 'Dental clinic',
  psychotherapy: 'Psychotherapy practice',
};

/** "Start from a template": replaces the questions, after asking when there are unsaved edits. */
export function TemplatePicker({ dirty, onPick }: { dirty: boolean; onPick: (kind: ClinicKind) => void }) {
  const [kind, setKind] = useState<ClinicKind>('general');
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          label="Start from a template"
          options={CLINIC_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          value={kind}
          onChange={(e) => {
            setKind(CLINIC_KINDS.find((k) => k === e.target.value) ?? 'general');
            setConfirming(false);
          }}
        />
        <Button variant="secondary" onClick={() => (dirty ? setConfirming(true) : onPick(kind))}>
          Use template
        </Button>
      </div>
      {confirming ? (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          <p>Replace your unsaved changes with the {KIND_LABELS[kind].toLowerCase()} questions?</p>
          <div className="flex gap-2">
            <Button
              variant="danger"
              onClick={() => {
                setConfirming(false);
                onPick(kind);
              }}
            >
              Replace my changes
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep editing
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
