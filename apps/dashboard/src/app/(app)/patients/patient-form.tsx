'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import type { PatientFields } from '@carelane/api/schemas';
import { BLOOD_GROUPS, MESSAGE_LANGUAGE_LABELS, MESSAGE_LANGUAGES, SEXES } from '@carelane/core';
import { Alert, Button, CheckboxField, SelectField, TextField } from '@carelane/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';
import { detailsOf } from '@/components/server-errors';
import { EMPTY_FORM, type FormValues, patientFormResolver } from './form-values';
import { SEX_LABELS } from './format';

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white px-4 pt-2 pb-4 sm:grid-cols-2">
      <legend className="px-1 text-sm font-semibold text-slate-900">{legend}</legend>
      {children}
    </fieldset>
  );
}

const FIELD_NAMES = new Set<string>([
  ...Object.keys(EMPTY_FORM),
  ...Object.keys(EMPTY_FORM.address).map((k) => `address.${k}`),
  ...Object.keys(EMPTY_FORM.emergencyContact).map((k) => `emergencyContact.${k}`),
  ...Object.keys(EMPTY_FORM.healthPlan).map((k) => `healthPlan.${k}`),
]);
const isField = (name: string): name is FieldPath<FormValues> => FIELD_NAMES.has(name);

/**
 * Create or edit a patient. The browser checks with the API's own schema first; what only the
 * server can tell (a phone of another country's shape, a duplicate) lands on the same fields.
 */
export function PatientForm({ id, initial }: { id: string | null; initial: FormValues }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const create = trpc.patients.create.useMutation();
  const update = trpc.patients.update.useMutation();
  const mutation = id ? update : create;
  const form = useForm<FormValues, unknown, PatientFields>({
    resolver: patientFormResolver,
    defaultValues: initial,
    mode: 'onTouched',
  });
  const { register, handleSubmit, setError, formState } = form;
  const e = formState.errors;

  const conflict = mutation.error?.data?.code === 'CONFLICT';
  // The patient who already holds the number (always one of this organization).
  const existing = mutation.error?.data?.existing ?? null;
  const unplaced = detailsOf(mutation.error).filter((d) => !isField(d.field.replace(/^values\./, '')));

  const submit = handleSubmit(async (values) => {
    try {
      const saved = id ? await update.mutateAsync({ id, values }) : await create.mutateAsync(values);
      await utils.patients.invalidate();
      router.push(`/patients/${saved.id}?saved=1`);
    } catch (error) {
      for (const d of detailsOf(error)) {
        const field = d.field.replace(/^values\./, '');
        if (isField(field)) setError(field, { message: d.message }, { shouldFocus: true });
      }
      if ((error as { data?: { code?: string } }).data?.code === 'CONFLICT') {
        setError('phone', { message: errorMessage(error) }, { shouldFocus: true });
      }
    }
  });

  const field = (name: FieldPath<FormValues>, label: string, extra: Record<string, unknown> = {}) => {
    const [group, key] = name.split('.') as [keyof FormValues, string | undefined];
    const groupErrors = e[group] as Record<string, { message?: string }> | undefined;
    const message = key ? groupErrors?.[key]?.message : (e[group] as { message?: string } | undefined)?.message;
    return <TextField label={label} {...register(name)} error={message} {...extra} />;
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Group legend="Who">
        {field('firstName', 'First name', { autoComplete: 'off', 'data-autofocus': true })}
        {field('lastName', 'Last name', { autoComplete: 'off' })}
        {field('birthDate', 'Birth date', { type: 'date' })}
        <SelectField
          label="Sex"
          {...register('sex')}
          options={[{ value: '', label: 'Not recorded' }, ...SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))]}
        />
        <SelectField
          label="Blood group"
          {...register('bloodGroup')}
          options={[{ value: '', label: 'Not known' }, ...BLOOD_GROUPS.map((b) => ({ value: b, label: b }))]}
        />
      </Group>
      <Group legend="Contact">
        {field('phone', 'Mobile number', {
          type: 'tel',
          hint: 'Any format: 98765 43210, +91 98765 43210, 098765 43210',
          autoComplete: 'off',
        })}
        {field('email', 'Email', { type: 'email', autoComplete: 'off' })}
        {existing ? (
          <p className="text-sm sm:col-span-2">
            <Link href={`/patients/${existing.id}`} className="font-semibold text-teal-800 underline">
              Open {existing.name} ({existing.mrn})
            </Link>
          </p>
        ) : null}
        {field('address.line1', 'Address')}
        {field('address.line2', 'Address line 2')}
        {field('address.city', 'City')}
        {field('address.state', 'State')}
        {field('address.postalCode', 'PIN code', { inputMode: 'numeric' })}
        {field('address.country', 'Country')}
      </Group>
      <Group legend="Emergency contact">
        {field('emergencyContact.name', 'Name')}
        {field('emergencyContact.phone', 'Phone', { type: 'tel' })}
        {field('emergencyContact.relationship', 'Relationship', { placeholder: 'e.g. spouse' })}
      </Group>
      <Group legend="Health plan">
        {field('healthPlan.insurer', 'Insurer')}
        {field('healthPlan.plan', 'Plan')}
        {field('healthPlan.memberId', 'Member id')}
        {field('healthPlan.validTo', 'Valid to', { type: 'date' })}
      </Group>
      <Group legend="Messages the patient agreed to">
        <CheckboxField label="SMS" hint="Reminders and confirmations by text" {...register('consentSms')} />
        <CheckboxField
          label="WhatsApp"
          hint="Reminders and confirmations on WhatsApp"
          {...register('consentWhatsapp')}
        />
        <CheckboxField label="Email" hint="Receipts and reminders by email" {...register('consentEmail')} />
        <SelectField
          label="Message language"
          {...register('language')}
          options={MESSAGE_LANGUAGES.map((l) => ({ value: l, label: MESSAGE_LANGUAGE_LABELS[l] }))}
        />
      </Group>
      <Group legend="Other">
        {field('tags', 'Tags', { hint: 'Separate with commas, e.g. diabetic, vip' })}
        {field('leadSource', 'How they found us', { placeholder: 'e.g. Google, referral' })}
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="patient-notes" className="block text-sm font-medium text-slate-800">
            Notes for staff
          </label>
          <textarea
            id="patient-notes"
            rows={3}
            {...register('notes')}
            aria-invalid={e.notes ? true : undefined}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-teal-700 focus:outline-none focus:ring-2 focus:ring-teal-700/30"
          />
          {e.notes?.message ? <p className="text-sm font-medium text-red-700">{e.notes.message}</p> : null}
        </div>
      </Group>
      {mutation.error && !conflict && !detailsOf(mutation.error).length ? (
        <Alert>{errorMessage(mutation.error)}</Alert>
      ) : null}
      {unplaced.length ? <Alert>{unplaced.map((d) => d.message).join(' ')}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={formState.isSubmitting}>
          {id ? 'Save changes' : 'Add patient'}
        </Button>
        <Link
          href={id ? `/patients/${id}` : '/patients'}
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-teal-700"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}
