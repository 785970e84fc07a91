'use client';
import { trpc } from '@carelane/api/react';
import { SelectField } from '@carelane/ui';
import Link from 'next/link';
import { useState } from 'react';

/**
 * The organization's appointment types for a booking form, those that suit `specialisations`
 * first (a type with none suits all), and the chosen one: the first until another is picked.
 * With a `clinicianId`, only the types that clinician offers (nothing else can be booked with them).
 */
export function useAppointmentTypeChoice(specialisations: readonly string[], clinicianId?: string) {
  const types = trpc.appointmentTypes.list.useQuery();
  const [typeId, setTypeId] = useState('');
  const fits = (t: { specialisation: string | null }) =>
    !t.specialisation || specialisations.includes(t.specialisation);
  const options = [...(types.data ?? [])]
    .filter((t) => !clinicianId || t.offeredBy.includes(clinicianId))
    .sort((a, b) => Number(fits(b)) - Number(fits(a)));
  const chosen = options.find((t) => t.id === typeId) ?? options[0];
  return { options, chosen, choose: setTypeId, loading: types.isPending, clinicianId };
}

export function AppointmentTypeField({
  choice,
  error,
}: {
  choice: ReturnType<typeof useAppointmentTypeChoice>;
  error?: string | null;
}) {
  if (!choice.loading && choice.options.length === 0 && choice.clinicianId) {
    return (
      <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="status">
        This clinician offers no appointment types yet.{' '}
        <Link href={`/clinicians/${choice.clinicianId}`} className="font-medium underline">
          Choose them on their profile
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <SelectField
        label="Appointment type"
        value={choice.chosen?.id ?? ''}
        onChange={(e) => choice.choose(e.target.value)}
        options={choice.options.map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` }))}
        aria-invalid={error ? true : undefined}
      />
      {error ? (
        <p className="text-sm font-medium text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
