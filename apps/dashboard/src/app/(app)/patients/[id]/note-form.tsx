'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { vitalsFields } from '@carelane/api/schemas';
import { VITAL_NAMES, VITAL_RANGES } from '@carelane/core';
import { Alert, Button, SelectField, TextField } from '@carelane/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { detailsOf } from '@/components/server-errors';

/** The create and amend schemas share body and vitals; the reason matters only for an amendment. */
const noteFormSchema = z.object({
  kind: z.enum(['note', 'session']),
  body: z.string().trim().min(1, 'Write the note').max(20_000, 'Keep the note under 20,000 characters'),
  vitals: vitalsFields,
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters'),
});
type NoteFormValues = z.input<typeof noteFormSchema>;

const asNumber = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : Number(v));

/** A new note or session (with vitals), or an amendment that keeps the original. */
export function NoteForm({
  patientId,
  amends,
  initialBody,
  initialVitals,
  onDone,
}: {
  patientId: string;
  amends: string | null;
  initialBody: string;
  /** An amendment starts from the vitals as last recorded. */
  initialVitals: Record<string, number | undefined> | null;
  onDone: (message: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const create = trpc.clinicalNotes.create.useMutation();
  const amend = trpc.clinicalNotes.amend.useMutation();
  const mutation = amends ? amend : create;
  const form = useForm<NoteFormValues, unknown, z.output<typeof noteFormSchema>>({
    resolver: zodResolver(noteFormSchema),
    defaultValues: { kind: 'note', body: initialBody, vitals: initialVitals ?? {}, reason: '' },
  });
  const { register, handleSubmit, setError, watch, formState } = form;
  const e = formState.errors;
  const kind = watch('kind');

  const submit = handleSubmit(async (values) => {
    // Blank readings are left out; a note without any has no vitals at all.
    const taken = Object.fromEntries(Object.entries(values.vitals).filter(([, v]) => v !== undefined));
    const vitals = Object.keys(taken).length ? taken : null;
    try {
      if (amends) {
        if (values.reason.length < 3) {
          setError('reason', { message: 'Say why the note is amended' }, { shouldFocus: true });
          return;
        }
        await amend.mutateAsync({ noteId: amends, body: values.body, vitals, reason: values.reason });
      } else {
        await create.mutateAsync({ patientId, kind: values.kind, body: values.body, vitals });
      }
      await utils.clinicalNotes.list.invalidate({ patientId });
      onDone(amends ? 'Amended; the original is kept.' : 'Note added.');
    } catch (error) {
      for (const d of detailsOf(error)) {
        if (d.field === 'body' || d.field === 'reason') setError(d.field, { message: d.message });
        else if (d.field.startsWith('vitals.'))
          setError(d.field as `vitals.${(typeof VITAL_NAMES)[number]}`, { message: d.message });
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-900">{amends ? 'Amend the note' : 'New note'}</h2>
      {amends ? null : (
        <SelectField
          label="Kind"
          {...register('kind')}
          options={[
            { value: 'note', label: 'Note' },
            { value: 'session', label: 'Session (check-up, with vitals)' },
          ]}
        />
      )}
      <div className="space-y-1">
        <label htmlFor="note-body" className="block text-sm font-medium text-slate-800">
          Note
        </label>
        <textarea
          id="note-body"
          rows={5}
          {...register('body')}
          aria-invalid={e.body ? true : undefined}
          aria-describedby={e.body ? 'note-body-error' : undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-teal-700 focus:outline-none focus:ring-2 focus:ring-teal-700/30"
        />
        {e.body?.message ? (
          <p id="note-body-error" className="text-sm font-medium text-red-700">
            {e.body.message}
          </p>
        ) : null}
      </div>
      {kind === 'session' || amends ? (
        <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <legend className="mb-1 text-sm font-medium text-slate-800">Vitals (leave blank what was not taken)</legend>
          {VITAL_NAMES.map((name) => (
            <TextField
              key={name}
              label={`${VITAL_RANGES[name].label} (${VITAL_RANGES[name].unit})`}
              inputMode="decimal"
              {...register(`vitals.${name}`, { setValueAs: asNumber })}
              error={e.vitals?.[name]?.message}
            />
          ))}
        </fieldset>
      ) : null}
      {amends ? <TextField label="Why it is amended" {...register('reason')} error={e.reason?.message} /> : null}
      {mutation.error && !detailsOf(mutation.error).length ? <Alert>{errorMessage(mutation.error)}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={formState.isSubmitting}>
          {amends ? 'Save amendment' : 'Add note'}
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
