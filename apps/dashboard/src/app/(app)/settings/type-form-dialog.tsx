'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { minorDigits } from '@carelane/core';
import { Alert, Button, CheckboxField, SelectField, TextField } from '@carelane/ui';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Modal } from '@/components/modal';
import { detailsOf, serverErrors } from '@/components/server-errors';
import { OfferedByField } from './offered-by-field';
import {
  type AppointmentTypeRow,
  checkFieldsMessage,
  currencySymbol,
  FIELD_LABELS,
  type FieldErrors,
  type FormState,
  MODE_LABELS,
  NEW_TYPE,
  POLICY_LABELS,
  toFormState,
  toValues,
} from './type-values';

function isFormField(field: string): field is keyof FormState {
  return field in FIELD_LABELS;
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 px-4 pt-2 pb-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">{legend}</legend>
      {children}
    </fieldset>
  );
}

function ColourField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {FIELD_LABELS.colour}
      </label>
      <div className="flex items-center gap-3">
        <input
          id={id}
          type="color"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="h-10 w-16 cursor-pointer rounded-md border border-slate-300 bg-white p-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
        />
        <span className="font-mono text-sm text-slate-700">{value}</span>
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Add or edit an appointment type: every setting, with the server's messages beside each field. */
export function TypeFormDialog({
  type,
  currency,
  specialisations,
  onClose,
}: {
  /** The type to edit, or null to add one. */
  type: AppointmentTypeRow | null;
  /** The type's currency, or the organization's for a new one. */
  currency: string;
  specialisations: string[];
  onClose: (saved: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const create = trpc.appointmentTypes.create.useMutation();
  const update = trpc.appointmentTypes.update.useMutation();
  const mutation = type ? update : create;
  const [form, setForm] = useState<FormState>(() => (type ? toFormState(type) : NEW_TYPE));
  const [errors, setErrors] = useState<FieldErrors>({});
  // Who offers it; null for a new type until someone is ticked (then the specialisation decides).
  const [offeredBy, setOfferedBy] = useState<string[] | null>(type ? type.offeredBy : null);
  // Messages about bad input that belong to no field (none expected, but never hidden).
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const listId = useId();
  const error = (field: keyof FormState) => errors[field] ?? null;

  // The native dialog focuses its close button; start at the first field instead.
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  // After a failed save, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  function set<K extends keyof FormState>(field: K, value: FormState[K]) {
    setForm((f) => ({ ...f, [field]: value }));
    // A corrected field drops its message; the others keep theirs until the next save.
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = toValues(form, currency);
    mutation.reset();
    setOtherErrors([]);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    const done = {
      onSuccess: async () => {
        await Promise.all([utils.appointmentTypes.all.invalidate(), utils.appointmentTypes.list.invalidate()]);
        onClose(parsed.values.name.trim());
      },
      onError: (e: { data?: unknown }) => {
        const { fields, other } = serverErrors(e, isFormField);
        setErrors(fields);
        setOtherErrors(other);
        setAttempt((n) => n + 1);
      },
    };
    // Nobody ticked on a new type: the server applies the default the boxes showed.
    const chosen = offeredBy ?? undefined;
    if (type) update.mutate({ id: type.id, values: parsed.values, offeredBy: chosen }, done);
    else create.mutate({ ...parsed.values, offeredBy: chosen?.length ? chosen : undefined }, done);
  }

  const number = (field: keyof FormState, label: string, extra: { hint?: string; step?: number; min?: number }) => (
    <TextField
      label={label}
      type="number"
      inputMode={extra.step && extra.step < 1 ? 'decimal' : 'numeric'}
      min={extra.min ?? 0}
      step={extra.step ?? 1}
      value={form[field] as string}
      onChange={(e) => set(field, e.target.value)}
      hint={extra.hint}
      error={error(field)}
    />
  );

  // Bad input is told beside each field, with one plain sentence on top (the server's own summary
  // repeats field paths); other failures (a name already taken, the network) in the server's words.
  const inputProblems = [Object.values(errors).some(Boolean) ? checkFieldsMessage(errors) : null, ...otherErrors];
  const topMessage =
    inputProblems.filter(Boolean).join(' ') ||
    (mutation.error && detailsOf(mutation.error).length === 0 ? errorMessage(mutation.error) : null);
  const symbol = currencySymbol(currency);
  const moneyStep = 1 / 10 ** minorDigits(currency);

  return (
    <Modal title={type ? `Edit ${type.name}` : 'Add appointment type'} onClose={() => onClose(null)}>
      <form ref={formRef} onSubmit={submit} className="space-y-4" noValidate>
        {topMessage ? <Alert>{topMessage}</Alert> : null}
        <Group legend="About this type">
          <TextField
            label={FIELD_LABELS.name}
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            maxLength={80}
            autoComplete="off"
            required
            error={error('name')}
          />
          <TextField
            label={`${FIELD_LABELS.specialisation} (optional)`}
            value={form.specialisation}
            onChange={(e) => set('specialisation', e.target.value)}
            maxLength={80}
            list={listId}
            autoComplete="off"
            hint="Matches the type to clinicians of this specialisation."
            error={error('specialisation')}
          />
          <datalist id={listId}>
            {specialisations.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <div className="grid gap-3 sm:grid-cols-2">
            <ColourField value={form.colour} onChange={(v) => set('colour', v)} error={error('colour') ?? undefined} />
            <SelectField
              label={FIELD_LABELS.mode}
              value={form.mode}
              onChange={(e) => set('mode', e.target.value as FormState['mode'])}
              options={Object.entries(MODE_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </div>
        </Group>

        <Group legend="Offered by">
          <OfferedByField
            chosen={offeredBy}
            specialisation={form.specialisation}
            onChange={setOfferedBy}
            error={detailsOf(mutation.error).find((d) => d.field.startsWith('offeredBy'))?.message}
          />
        </Group>

        <Group legend="Length and timing">
          <div className="grid gap-3 sm:grid-cols-2">
            {number('durationMinutes', FIELD_LABELS.durationMinutes, { step: 5, min: 5 })}
            {number('slotIntervalMinutes', FIELD_LABELS.slotIntervalMinutes, {
              step: 5,
              min: 5,
              hint: 'Start times are offered this often.',
            })}
            {number('bufferBeforeMinutes', FIELD_LABELS.bufferBeforeMinutes, {})}
            {number('bufferAfterMinutes', FIELD_LABELS.bufferAfterMinutes, {})}
          </div>
          <p className="text-sm text-slate-600">Buffers keep the clinician free before and after, for set-up.</p>
        </Group>

        <Group legend="Price">
          <div className="grid gap-3 sm:grid-cols-2">
            {number('priceMinor', `${FIELD_LABELS.priceMinor} (${symbol})`, { step: moneyStep })}
            {number('depositMinor', `${FIELD_LABELS.depositMinor} (${symbol})`, {
              step: moneyStep,
              hint: 'Patients pay this when booking online (the whole price when 0). Cannot exceed the price.',
            })}
          </div>
          <CheckboxField
            label={FIELD_LABELS.requiresPrepayment}
            hint="Online bookings stay pending until paid."
            checked={form.requiresPrepayment}
            onChange={(e) => set('requiresPrepayment', e.target.checked)}
          />
        </Group>

        <Group legend="Online booking">
          <CheckboxField
            label={FIELD_LABELS.onlineBookable}
            hint="Otherwise only staff can book it."
            checked={form.onlineBookable}
            onChange={(e) => set('onlineBookable', e.target.checked)}
          />
          <div className="grid gap-3 sm:grid-cols-2">
            {number('minimumNoticeMinutes', FIELD_LABELS.minimumNoticeMinutes, {
              hint: 'No online booking closer to the start than this.',
            })}
            {number('bookingHorizonDays', FIELD_LABELS.bookingHorizonDays, {
              min: 1,
              hint: 'How far ahead patients may book.',
            })}
          </div>
        </Group>

        <Group legend="Late changes by patients">
          <div className="grid gap-3 sm:grid-cols-2">
            {number('lateCancellationHours', FIELD_LABELS.lateCancellationHours, {
              hint: 'Cancelling or moving within this many hours of the start is late.',
            })}
            <SelectField
              label={FIELD_LABELS.lateCancellationPolicy}
              value={form.lateCancellationPolicy}
              onChange={(e) => set('lateCancellationPolicy', e.target.value as FormState['lateCancellationPolicy'])}
              options={Object.entries(POLICY_LABELS).map(([value, label]) => ({ value, label }))}
            />
            {number('lateCancellationFeeMinor', `${FIELD_LABELS.lateCancellationFeeMinor} (${symbol})`, {
              step: moneyStep,
              hint: 'Offered as an invoice line when a patient cancels late.',
            })}
            {number('noShowFeeMinor', `${FIELD_LABELS.noShowFeeMinor} (${symbol})`, {
              step: moneyStep,
              hint: 'Offered as an invoice line when a patient does not come.',
            })}
          </div>
        </Group>

        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={mutation.isPending}>
            {type ? 'Save changes' : 'Add type'}
          </Button>
          <Button variant="secondary" onClick={() => onClose(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}
