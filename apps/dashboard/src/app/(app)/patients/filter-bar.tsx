'use client';
import { trpc } from '@carelane/api/react';
import { SEXES } from '@carelane/core';
import { Button, SelectField, TextField } from '@carelane/ui';
import { useState } from 'react';
import { activeFilterCount, FILTER_KEYS, type FilterKey, type PatientFilters } from './filters';
import { SEX_LABELS } from './format';

type Navigate = (next: Record<string, string | undefined>) => void;

function range(from: string | number | undefined, to: string | number | undefined, unit = ''): string {
  if (from !== undefined && to !== undefined) return `${from}–${to}${unit}`;
  if (from !== undefined) return `from ${from}${unit}`;
  return `up to ${to}${unit}`;
}

/** The chips that say what narrows the list, each removable, and a panel to add more. */
export function FilterBar({ filters, navigate }: { filters: PatientFilters; navigate: Navigate }) {
  const [open, setOpen] = useState(false);
  const centres = trpc.centres.list.useQuery(undefined, { enabled: open || Boolean(filters.centreId) });
  const day = trpc.calendar.view.useQuery(
    { view: 'day', centreId: filters.centreId },
    { enabled: open || Boolean(filters.clinicianId) },
  );
  const clinicians = day.data?.clinicians ?? [];
  const centreName = centres.data?.find((c) => c.id === filters.centreId)?.name ?? 'a centre';
  const clinicianName = clinicians.find((c) => c.id === filters.clinicianId)?.name ?? 'a clinician';

  const chips: Array<[FilterKey, string]> = [];
  if (filters.tags) chips.push(['tags', `Tags: ${filters.tags.join(', ')}`]);
  if (filters.sex) chips.push(['sex', SEX_LABELS[filters.sex]]);
  if (filters.ageMin !== undefined || filters.ageMax !== undefined)
    chips.push(['age', `Age ${range(filters.ageMin, filters.ageMax)}`]);
  if (filters.lastVisitFrom || filters.lastVisitTo)
    chips.push(['lastVisit', `Last visit ${range(filters.lastVisitFrom, filters.lastVisitTo)}`]);
  if (filters.hasUpcoming !== undefined)
    chips.push(['upcoming', filters.hasUpcoming ? 'Has an upcoming visit' : 'No upcoming visit']);
  if (filters.healthPlan) chips.push(['plan', `Health plan: ${filters.healthPlan}`]);
  if (filters.centreId) chips.push(['centre', `Seen at ${centreName}`]);
  if (filters.clinicianId) chips.push(['clinician', `Seen by ${clinicianName}`]);
  if (filters.status === 'archived') chips.push(['status', 'Archived patients']);

  const clear = (key: FilterKey) => navigate(Object.fromEntries(FILTER_KEYS[key].map((k) => [k, undefined])));
  const count = activeFilterCount(filters);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" aria-expanded={open} aria-controls="patient-filters" onClick={() => setOpen(!open)}>
          Filters{count ? ` (${count})` : ''}
        </Button>
        <ul className="flex flex-wrap gap-2" aria-label="Active filters">
          {chips.map(([key, label]) => (
            <li key={key}>
              <span className="inline-flex items-center gap-1 rounded-full bg-teal-50 py-1 pr-1 pl-3 text-sm text-teal-900 ring-1 ring-teal-200 ring-inset">
                {label}
                <button
                  type="button"
                  onClick={() => clear(key)}
                  aria-label={`Remove filter: ${label}`}
                  className="rounded-full px-1.5 text-teal-800 hover:bg-teal-100 focus-visible:outline-2 focus-visible:outline-teal-700"
                >
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ul>
      </div>
      {open ? (
        <FilterPanel filters={filters} navigate={navigate} centres={centres.data ?? []} clinicians={clinicians} />
      ) : null}
    </div>
  );
}

function FilterPanel({
  filters,
  navigate,
  centres,
  clinicians,
}: {
  filters: PatientFilters;
  navigate: Navigate;
  centres: Array<{ id: string; name: string }>;
  clinicians: Array<{ id: string; name: string }>;
}) {
  // Typed values apply on "Apply" (or Enter), choices at once.
  const [tags, setTags] = useState(filters.tags?.join(', ') ?? '');
  const [ageMin, setAgeMin] = useState(filters.ageMin?.toString() ?? '');
  const [ageMax, setAgeMax] = useState(filters.ageMax?.toString() ?? '');
  const [from, setFrom] = useState(filters.lastVisitFrom ?? '');
  const [to, setTo] = useState(filters.lastVisitTo ?? '');
  const [plan, setPlan] = useState(filters.healthPlan ?? '');

  function apply(event: React.FormEvent) {
    event.preventDefault();
    navigate({
      tags: tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
        .join(','),
      ageMin,
      ageMax,
      lastVisitFrom: from,
      lastVisitTo: to,
      plan: plan.trim(),
    });
  }

  return (
    <form
      id="patient-filters"
      onSubmit={apply}
      className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      aria-label="Filter patients"
    >
      <SelectField
        label="Sex"
        value={filters.sex ?? ''}
        onChange={(e) => navigate({ sex: e.target.value })}
        options={[{ value: '', label: 'Any' }, ...SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))]}
      />
      <SelectField
        label="Upcoming visit"
        value={filters.hasUpcoming === undefined ? '' : filters.hasUpcoming ? 'yes' : 'no'}
        onChange={(e) => navigate({ upcoming: e.target.value })}
        options={[
          { value: '', label: 'Either' },
          { value: 'yes', label: 'Has one' },
          { value: 'no', label: 'Has none' },
        ]}
      />
      <SelectField
        label="Seen at centre"
        value={filters.centreId ?? ''}
        onChange={(e) => navigate({ centre: e.target.value, clinician: undefined })}
        options={[{ value: '', label: 'Any centre' }, ...centres.map((c) => ({ value: c.id, label: c.name }))]}
      />
      <SelectField
        label="Seen by clinician"
        value={filters.clinicianId ?? ''}
        onChange={(e) => navigate({ clinician: e.target.value })}
        options={[{ value: '', label: 'Any clinician' }, ...clinicians.map((c) => ({ value: c.id, label: c.name }))]}
      />
      <TextField label="Tags" hint="Separate with commas" value={tags} onChange={(e) => setTags(e.target.value)} />
      <TextField label="Health plan" value={plan} onChange={(e) => setPlan(e.target.value)} />
      <div className="grid grid-cols-2 gap-2">
        <TextField label="Age from" inputMode="numeric" value={ageMin} onChange={(e) => setAgeMin(e.target.value)} />
        <TextField label="Age to" inputMode="numeric" value={ageMax} onChange={(e) => setAgeMax(e.target.value)} />
      </div>
      {/* Two date pickers need room for a whole date on wide screens too. */}
      <div className="grid grid-cols-2 gap-2 lg:col-span-2">
        <TextField label="Last visit from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="Last visit to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit">Apply</Button>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={filters.status === 'archived'}
            onChange={(e) => navigate({ status: e.target.checked ? 'archived' : undefined })}
            className="h-4 w-4 accent-teal-700"
          />
          Show archived patients instead
        </label>
      </div>
    </form>
  );
}
