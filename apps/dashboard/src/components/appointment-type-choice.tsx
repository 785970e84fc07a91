'use client';
import { trpc } from '@carelane/api/react';
import { SelectField } from '@carelane/ui';
import { useState } from 'react';

/**
 * The organization's appointment types for a booking form, those that suit `specialisations`
 * first (a type with none suits all), and the chosen one: the first until another is picked.
 */
export function useAppointmentTypeChoice(specialisations: readonly string[]) {
  const types = trpc.appointmentTypes.list.useQuery();
  const [typeId, setTypeId] = useState('');
  const fits = (t: { specialisation: string | null }) =>
    !t.specialisation || specialisations.includes(t.specialisation);
  const options = [...(types.data ?? [])].sort((a, b) => Number(fits(b)) - Number(fits(a)));
  const chosen = options.find((t) => t.id === typeId) ?? options[0];
  return { options, chosen, choose: setTypeId };
}

export function AppointmentTypeField({ choice }: { choice: ReturnType<typeof useAppointmentTypeChoice> }) {
  return (
    <SelectField
      label="Appointment type"
      value={choice.chosen?.id ?? ''}
      onChange={(e) => choice.choose(e.target.value)}
      options={choice.options.map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` }))}
    />
  );
}
