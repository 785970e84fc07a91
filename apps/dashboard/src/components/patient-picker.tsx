'use client';
import { trpc } from '@carelane/api/react';
import { formatPhone } from '@carelane/core';
import { Button, TextField } from '@carelane/ui';
import { useRef, useState } from 'react';

export type PickedPatient = { id: string; name: string };

/** Find a patient by name, record number or phone digits and pick one; "Change" picks again. */
export function PatientPicker({
  patient,
  onChange,
  error,
}: {
  patient: PickedPatient | null;
  onChange: (patient: PickedPatient | null) => void;
  error?: string | null;
}) {
  const [query, setQuery] = useState('');
  const search = trpc.patients.quickSearch.useQuery({ q: query }, { enabled: query.trim().length >= 2 && !patient });
  // Picking or changing swaps what is on screen; move keyboard focus to what replaced it.
  const ref = useRef<HTMLDivElement>(null);
  const pick = (next: PickedPatient | null) => {
    onChange(next);
    requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('input, button')?.focus());
  };

  if (patient) {
    return (
      <div
        ref={ref}
        className="flex items-center justify-between rounded-md border border-teal-700 bg-teal-50 px-3 py-2"
      >
        <span className="font-semibold text-slate-900">
          <span className="sr-only">Patient: </span>
          {patient.name}
        </span>
        <Button variant="ghost" onClick={() => pick(null)}>
          Change<span className="sr-only"> patient</span>
        </Button>
      </div>
    );
  }
  return (
    <div ref={ref} className="space-y-2">
      <TextField
        label="Patient"
        placeholder="Name, record number or phone digits"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-autofocus
        autoComplete="off"
        error={error}
      />
      {search.data ? (
        search.data.length ? (
          <ul
            className="max-h-48 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200"
            aria-label="Matching patients"
          >
            {search.data.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  onClick={() => pick({ id: p.id, name: p.name })}
                  className="block w-full px-3 py-2 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-teal-700"
                >
                  <span className="block text-sm font-semibold text-slate-900">{p.name}</span>
                  <span className="block text-xs text-slate-600">
                    {p.mrn}
                    {p.phone ? ` · ${formatPhone(p.phone)}` : ''}
                    {p.birthDate ? ` · born ${p.birthDate}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600" role="status">
            No patient matches “{query}”.
          </p>
        )
      ) : null}
    </div>
  );
}
