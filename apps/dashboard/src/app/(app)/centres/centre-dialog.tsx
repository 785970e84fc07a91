'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { errorMessage, trpc } from '@carelane/api/react';
import { centreFields } from '@carelane/api/schemas';
import { knownZones, WEEKDAY_NAMES } from '@carelane/core';
import { Alert, Button, TextField } from '@carelane/ui';
import { type FormEvent, useId, useState } from 'react';
import { Modal } from '@/components/modal';
import { fieldErrors } from '@/components/server-errors';

export type Centre = RouterOutputs['centres']['details']['centres'][number];
type Values = {
  name: string;
  addressLine: string;
  city: string;
  postalCode: string;
  phone: string;
  zone: string;
  mapUrl: string;
  openingDays: number[];
};
type Field = keyof Values;

const EMPTY: Values = {
  name: '',
  addressLine: '',
  city: '',
  postalCode: '',
  phone: '',
  zone: 'Asia/Kolkata',
  mapUrl: '',
  openingDays: [1, 2, 3, 4, 5, 6],
};

const valuesOf = (centre: Centre): Values => ({
  name: centre.name,
  addressLine: centre.addressLine,
  city: centre.city,
  postalCode: centre.postalCode ?? '',
  phone: centre.phone ?? '',
  zone: centre.zone,
  mapUrl: centre.mapUrl ?? '',
  openingDays: centre.openingDays,
});

/** Adds a centre, or edits one: address, contact, zone, map link and the days it opens. */
export function CentreDialog({
  centre,
  defaultZone,
  onClose,
  onSaved,
}: {
  centre: Centre | null;
  defaultZone: string;
  onClose: () => void;
  onSaved: (saved: Centre) => void;
}) {
  const create = trpc.centres.create.useMutation();
  const update = trpc.centres.update.useMutation();
  const zonesId = useId();
  const daysId = useId();
  const [values, setValues] = useState<Values>(() => (centre ? valuesOf(centre) : { ...EMPTY, zone: defaultZone }));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const busy = create.isPending || update.isPending;

  function set<K extends Field>(field: K, value: Values[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setProblem(null);
  }

  function toggleDay(day: number) {
    const days = values.openingDays.includes(day)
      ? values.openingDays.filter((d) => d !== day)
      : [...values.openingDays, day].sort((a, b) => a - b);
    set('openingDays', days);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = centreFields.safeParse(values);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
      setErrors(found);
      return;
    }
    const handlers = {
      onSuccess: onSaved,
      onError: (error: Parameters<typeof errorMessage>[0]) => {
        const found = fieldErrors(error);
        // Nested field names (openingDays.0) belong to their field.
        const byField: Record<string, string> = {};
        for (const [field, message] of Object.entries(found)) byField[field.split('.')[0] ?? field] ??= message;
        setErrors(byField);
        if (Object.keys(byField).length === 0) setProblem(errorMessage(error));
      },
    };
    if (centre) update.mutate({ ...parsed.data, centreId: centre.id }, handlers);
    else create.mutate(parsed.data, handlers);
  }

  const text = (field: Exclude<Field, 'openingDays'>) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
    error: errors[field],
  });

  return (
    <Modal title={centre ? `Edit ${centre.name}` : 'Add a centre'} onClose={onClose}>
      <form noValidate onSubmit={submit} className="space-y-4" aria-label={centre ? 'Edit centre' : 'New centre'}>
        <TextField label="Centre name" {...text('name')} maxLength={80} required data-autofocus />
        <TextField label="Address" {...text('addressLine')} autoComplete="street-address" maxLength={200} required />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="City" {...text('city')} autoComplete="address-level2" maxLength={80} required />
          <TextField label="Postal code" {...text('postalCode')} autoComplete="postal-code" maxLength={12} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Phone" {...text('phone')} type="tel" autoComplete="tel" />
          <TextField
            label="Time zone"
            hint="Working hours here are read in it."
            {...text('zone')}
            list={zonesId}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </div>
        <datalist id={zonesId}>
          {knownZones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <TextField
          label="Map link"
          hint="Shown to patients, e.g. a Google Maps link. Must start with https://."
          {...text('mapUrl')}
          type="url"
          inputMode="url"
          maxLength={500}
        />
        <fieldset aria-describedby={`${daysId}-hint${errors.openingDays ? ` ${daysId}-error` : ''}`}>
          <legend className="text-sm font-medium text-slate-800">Opening days</legend>
          <p id={`${daysId}-hint`} className="text-sm text-slate-600">
            No free times are offered on the other days, whatever the clinicians’ hours say.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            {WEEKDAY_NAMES.map((name, index) => {
              const day = index + 1;
              const on = values.openingDays.includes(day);
              return (
                <button
                  key={name}
                  type="button"
                  aria-pressed={on}
                  aria-label={name}
                  onClick={() => toggleDay(day)}
                  className={
                    on
                      ? 'min-w-12 rounded-md border border-teal-700 bg-teal-700 px-3 py-2 text-sm font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700'
                      : 'min-w-12 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700'
                  }
                >
                  {name.slice(0, 3)}
                </button>
              );
            })}
          </div>
          {errors.openingDays ? (
            <p id={`${daysId}-error`} className="mt-1 text-sm font-medium text-red-700">
              {errors.openingDays}
            </p>
          ) : null}
        </fieldset>
        {problem ? <Alert>{problem}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            {centre ? 'Save centre' : 'Add centre'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
