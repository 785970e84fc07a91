'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { minorDigits } from '@carelane/core';
import { Alert, Button, CheckboxField, TextField } from '@carelane/ui';
import { useEffect, useRef, useState } from 'react';
import { Modal } from '@/components/modal';
import { detailsOf, serverErrors } from '@/components/server-errors';
import {
  API_FIELDS,
  NEW_PROCEDURE,
  type ProcedureErrors,
  type ProcedureForm,
  type ProcedureRow,
  toProcedureForm,
  toProcedureValues,
} from './procedure-values';
import { currencySymbol } from './type-values';

function isApiField(field: string): field is keyof typeof API_FIELDS {
  return field in API_FIELDS;
}

/** Add or edit a price-list entry; the server's messages show beside the fields, a taken name on top. */
export function ProcedureDialog({
  procedure,
  currency,
  onClose,
}: {
  /** The procedure to edit, or null to add one. */
  procedure: ProcedureRow | null;
  currency: string;
  onClose: (saved: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const save = trpc.procedures.save.useMutation();
  const [form, setForm] = useState<ProcedureForm>(() => (procedure ? toProcedureForm(procedure) : NEW_PROCEDURE));
  const [errors, setErrors] = useState<ProcedureErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  // After a failed save, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  function set<K extends keyof ProcedureForm>(field: K, value: ProcedureForm[K]) {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    save.reset();
    setOtherErrors([]);
    const parsed = toProcedureValues(form, currency, procedure?.id);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    save.mutate(parsed.values, {
      onSuccess: async () => {
        await utils.procedures.list.invalidate();
        onClose(parsed.values.name.trim());
      },
      onError: (e) => {
        const { fields, other } = serverErrors(e, isApiField);
        const mapped: ProcedureErrors = {};
        for (const [field, message] of Object.entries(fields) as [keyof typeof API_FIELDS, string][]) {
          mapped[API_FIELDS[field]] = message;
        }
        setErrors(mapped);
        setOtherErrors(other);
        setAttempt((n) => n + 1);
      },
    });
  }

  // A taken name (CONFLICT) or a network failure has no field: it shows on top in the server's words.
  const topMessage =
    otherErrors.join(' ') ||
    (save.error && detailsOf(save.error).length === 0 ? errorMessage(save.error) : null) ||
    (Object.values(errors).some(Boolean) ? 'Check the highlighted fields.' : null);
  const symbol = currencySymbol(currency);
  const digits = minorDigits(currency);

  return (
    <Modal title={procedure ? `Edit ${procedure.name}` : 'Add procedure'} onClose={() => onClose(null)}>
      <form ref={formRef} onSubmit={submit} className="space-y-4" noValidate aria-label="Procedure">
        {topMessage ? <Alert>{topMessage}</Alert> : null}
        <TextField
          label="Name"
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
          maxLength={120}
          autoComplete="off"
          required
          error={errors.name}
        />
        <TextField
          label="Code (optional)"
          value={form.code}
          onChange={(e) => set('code', e.target.value)}
          maxLength={20}
          autoComplete="off"
          hint="Your own short code, for example SCL-01."
          error={errors.code}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={`Price (${symbol})`}
            inputMode={digits ? 'decimal' : 'numeric'}
            value={form.price}
            onChange={(e) => set('price', e.target.value)}
            autoComplete="off"
            required
            hint="Before tax."
            error={errors.price}
          />
          <TextField
            label="GST rate (%)"
            inputMode="decimal"
            value={form.taxRate}
            onChange={(e) => set('taxRate', e.target.value)}
            autoComplete="off"
            hint="For example 18, or 0 for exempt care."
            error={errors.taxRate}
          />
        </div>
        <CheckboxField
          label="Done on a tooth"
          hint="A treatment with it names the tooth (for example a filling, not a check-up)."
          checked={form.perTooth}
          onChange={(e) => set('perTooth', e.target.checked)}
        />
        <CheckboxField
          label="Active"
          hint="Retired procedures stay on past treatments but cannot be chosen for new ones."
          checked={form.active}
          onChange={(e) => set('active', e.target.checked)}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={save.isPending}>
            {procedure ? 'Save changes' : 'Add procedure'}
          </Button>
          <Button variant="secondary" onClick={() => onClose(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}
