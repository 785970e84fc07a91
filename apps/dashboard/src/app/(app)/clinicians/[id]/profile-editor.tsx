'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { errorMessage, trpc } from '@carelane/api/react';
import { minorDigits, minorToText, textToMinor } from '@carelane/core';
import { Alert, Button, Card, CheckboxField, ErrorState, Skeleton, TextField } from '@carelane/ui';
import Link from 'next/link';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { detailsOf } from '@/components/server-errors';
import { PhotoPanel } from './photo-panel';
import { TagInput } from './tag-input';

type Loaded = RouterOutputs['clinicians']['forEdit'];
type Mode = 'in_person' | 'online';

type Form = {
  title: string;
  specialisations: string[];
  qualifications: string[];
  languages: string[];
  bio: string;
  fee: string;
  modes: Mode[];
  typeIds: string[];
  listed: boolean;
  directoryOrder: string;
};

function toForm(data: Loaded): Form {
  const p = data.profile;
  return {
    title: p.title ?? '',
    specialisations: p.specialisations,
    qualifications: p.qualifications,
    languages: p.languages,
    bio: p.bio ?? '',
    fee: minorToText(p.feeMinor, data.currency),
    modes: p.modes,
    typeIds: data.types.filter((t) => t.offered).map((t) => t.id),
    listed: p.listed,
    directoryOrder: String(p.directoryOrder),
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="space-y-4 p-4 sm:p-6">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </Card>
  );
}

/** A clinician's profile as patients see it on the booking site, and the types they offer. */
export function ProfileEditor({ clinicianId, own }: { clinicianId: string; own: boolean }) {
  const query = trpc.clinicians.forEdit.useQuery({ clinicianId });
  if (query.isPending) {
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-64" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Clinician profile</h1>
        <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  return <ProfileForm data={query.data} own={own} onSaved={() => query.refetch()} />;
}

function ProfileForm({ data, own, onSaved }: { data: Loaded; own: boolean; onSaved: () => Promise<unknown> }) {
  const utils = trpc.useUtils();
  const save = trpc.clinicians.updateProfile.useMutation();
  const [form, setForm] = useState<Form>(() => toForm(data));
  const [feeError, setFeeError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const top = useRef<HTMLDivElement>(null);
  const modesId = useId();
  const { clinician, currency } = data;
  const details = detailsOf(save.error);
  const fieldError = (field: string) =>
    details.find((d) => d.field === field || d.field.startsWith(`${field}.`))?.message ?? null;

  useEffect(() => {
    if (save.error || saved) top.current?.focus();
  }, [save.error, saved]);

  function set<K extends keyof Form>(field: K, value: Form[K]) {
    setForm((f) => ({ ...f, [field]: value }));
    setSaved(false);
  }
  const toggle = <T extends string>(list: T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const feeMinor = textToMinor(form.fee, currency);
    const digits = minorDigits(currency);
    if (feeMinor === null) {
      setFeeError(`Enter the fee like 500${digits ? ` or 499.${'5'.padEnd(digits, '0')}` : ''}`);
      return;
    }
    setFeeError(null);
    const order = Number(form.directoryOrder);
    save.mutate(
      {
        clinicianId: clinician.id,
        title: form.title,
        specialisations: form.specialisations,
        qualifications: form.qualifications,
        languages: form.languages,
        bio: form.bio,
        feeMinor,
        modes: form.modes,
        typeIds: form.typeIds,
        ...(data.canManageListing ? { listed: form.listed, directoryOrder: Number.isFinite(order) ? order : -1 } : {}),
      },
      {
        onSuccess: async () => {
          await Promise.all([onSaved(), utils.appointmentTypes.list.invalidate(), utils.clinicians.list.invalidate()]);
          setSaved(true);
        },
      },
    );
  }

  const heading = own ? 'My profile' : clinician.name;
  return (
    <form onSubmit={submit} className="max-w-3xl space-y-6" noValidate>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{heading}</h1>
          <p className="text-sm text-slate-600">
            What patients see on the booking site{data.profile.slug ? ` (/clinicians/${data.profile.slug})` : ''}, and
            what can be booked with {own ? 'you' : clinician.name}.
          </p>
        </div>
        <Link
          href={`/availability?clinician=${clinician.id}`}
          className="rounded-md px-3 py-2 text-sm font-semibold text-teal-800 underline hover:bg-teal-50"
        >
          Weekly hours and time off
        </Link>
      </div>
      <div ref={top} tabIndex={-1} className="outline-none">
        {save.error ? (
          <Alert>{details.length ? 'Check the highlighted fields.' : errorMessage(save.error)}</Alert>
        ) : null}
        {saved ? <Alert tone="success">Profile saved.</Alert> : null}
        {!data.hasProfile ? (
          <Alert tone="info">No profile yet: saving creates it, with a booking-site address from the name.</Alert>
        ) : null}
        {!clinician.active ? <Alert tone="info">This clinician's account is switched off.</Alert> : null}
      </div>

      <Section title="Photo">
        <PhotoPanel
          clinicianId={clinician.id}
          name={clinician.name}
          photoUrl={data.profile.photoUrl}
          hasProfile={data.hasProfile}
          onChanged={onSaved}
        />
      </Section>

      <Section title="About">
        <TextField
          label="Title (optional)"
          value={form.title}
          onChange={(e) => set('title', e.target.value)}
          maxLength={80}
          hint="Shown under the name, like “Consultant psychologist”."
          error={fieldError('title')}
        />
        <TagInput
          label="Specialisations"
          values={form.specialisations}
          onChange={(v) => set('specialisations', v)}
          suggestions={data.suggestions.specialisations}
          hint="Patients filter the directory by these."
          error={fieldError('specialisations')}
        />
        <TagInput
          label="Qualifications"
          values={form.qualifications}
          onChange={(v) => set('qualifications', v)}
          hint="Like MBBS, MD, M.Phil Clinical Psychology."
          error={fieldError('qualifications')}
        />
        <TagInput
          label="Languages"
          values={form.languages}
          onChange={(v) => set('languages', v)}
          suggestions={data.suggestions.languages}
          error={fieldError('languages')}
        />
        <div className="space-y-1">
          <label htmlFor={`${modesId}-bio`} className="block text-sm font-medium text-slate-800">
            Bio (optional)
          </label>
          <textarea
            id={`${modesId}-bio`}
            value={form.bio}
            onChange={(e) => set('bio', e.target.value)}
            rows={5}
            maxLength={2000}
            aria-invalid={fieldError('bio') ? true : undefined}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-teal-700 focus:outline-none focus:ring-2 focus:ring-teal-700/30"
          />
          {fieldError('bio') ? <p className="text-sm font-medium text-red-700">{fieldError('bio')}</p> : null}
        </div>
      </Section>

      <Section title="Consultations">
        <TextField
          label={`Consultation fee (${currency})`}
          type="number"
          inputMode="decimal"
          min={0}
          step={1 / 10 ** minorDigits(currency)}
          value={form.fee}
          onChange={(e) => set('fee', e.target.value)}
          hint="Shown on the booking site; each appointment type has its own price."
          error={feeError ?? fieldError('feeMinor')}
          className="sm:max-w-xs"
        />
        <fieldset className="space-y-2" aria-describedby={fieldError('modes') ? `${modesId}-modes-error` : undefined}>
          <legend className="text-sm font-medium text-slate-800">Sees patients</legend>
          {(
            [
              ['in_person', 'In person'],
              ['online', 'Online (video)'],
            ] as const
          ).map(([mode, label]) => (
            <label key={mode} className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                checked={form.modes.includes(mode)}
                onChange={(e) => set('modes', toggle(form.modes, mode, e.target.checked))}
                className="h-5 w-5 accent-teal-700"
              />
              {label}
            </label>
          ))}
          {fieldError('modes') ? (
            <p id={`${modesId}-modes-error`} className="text-sm font-medium text-red-700">
              {fieldError('modes')}
            </p>
          ) : null}
        </fieldset>
      </Section>

      <Section title="Appointment types offered">
        <p className="text-sm text-slate-600">
          Only these can be booked with {own ? 'you' : clinician.name}, at the desk and online.
        </p>
        {data.types.length === 0 ? (
          <p className="text-sm text-slate-600">The clinic has no appointment types yet. Add them in Settings.</p>
        ) : (
          <ul className="grid gap-1 sm:grid-cols-2">
            {data.types.map((t) => (
              <li key={t.id}>
                <label className="flex min-h-10 items-start gap-2 rounded-md px-2 py-1 text-sm text-slate-800 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    checked={form.typeIds.includes(t.id)}
                    onChange={(e) => set('typeIds', toggle(form.typeIds, t.id, e.target.checked))}
                    className="mt-0.5 h-5 w-5 accent-teal-700"
                  />
                  <span>
                    {t.name}
                    <span className="block text-xs text-slate-500">
                      {t.durationMinutes} min · {t.mode === 'online' ? 'Online' : 'In person'}
                      {t.specialisation ? ` · ${t.specialisation}` : ''}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {form.typeIds.length === 0 && data.types.length > 0 ? (
          <p className="text-sm font-medium text-amber-800">Nothing ticked: nobody can book with this clinician.</p>
        ) : null}
        {fieldError('typeIds') ? <p className="text-sm font-medium text-red-700">{fieldError('typeIds')}</p> : null}
      </Section>

      <Section title="Booking site directory">
        {data.canManageListing ? (
          <>
            <CheckboxField
              label="Listed on the booking site"
              hint="Unlisted clinicians can still be booked at the desk."
              checked={form.listed}
              onChange={(e) => set('listed', e.target.checked)}
            />
            <TextField
              label="Order in the directory"
              type="number"
              inputMode="numeric"
              min={0}
              max={9999}
              value={form.directoryOrder}
              onChange={(e) => set('directoryOrder', e.target.value)}
              hint="Lower numbers come first; equal numbers go by name."
              error={fieldError('directoryOrder')}
              className="sm:max-w-xs"
            />
          </>
        ) : (
          <p className="text-sm text-slate-600">
            {form.listed ? 'Listed on the booking site.' : 'Not listed on the booking site.'} An admin or a manager
            decides who is listed and in which order.
          </p>
        )}
      </Section>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={save.isPending}>
          {data.hasProfile ? 'Save profile' : 'Create profile'}
        </Button>
      </div>
    </form>
  );
}
