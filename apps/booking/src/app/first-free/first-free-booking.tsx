'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney } from '@carelane/core';
import { Avatar, Button, Card, EmptyState, ErrorState, SelectField, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { useState } from 'react';
import { TimePicker } from '@/components/time-picker';

/**
 * The first free times of a kind of visit across every clinician who offers it (optionally at one
 * centre): pick a time, then whom to see among those free then, then confirm on their page.
 */
export function FirstFreeBooking() {
  const router = useRouter();
  const params = useSearchParams();
  const { status } = useSession();
  const [specialisation, setSpecialisation] = useState(params.get('specialisation') ?? '');
  const [centreId, setCentreId] = useState(params.get('centre') ?? '');
  const [typeId, setTypeId] = useState(params.get('type') ?? '');
  const [chosen, setChosen] = useState<{ start: Date; clinicianIds: string[] } | null>(null);
  const [clinicianId, setClinicianId] = useState<string | null>(null);

  const directory = trpc.clinicians.directory.useQuery({});
  const types = (directory.data?.types ?? []).filter(
    (t) => !specialisation || t.specialisation === specialisation || t.specialisation === null,
  );
  const type = types.find((t) => t.id === typeId) ?? types[0] ?? null;
  const slots = trpc.availability.aggregate.useQuery(
    {
      typeId: type?.id ?? '',
      specialisation: specialisation || undefined,
      centreId: centreId || undefined,
      days: 14,
    },
    { enabled: Boolean(type), refetchInterval: 60_000, placeholderData: (previous) => previous },
  );

  if (directory.error) {
    return <ErrorState message={errorMessage(directory.error)} onRetry={() => void directory.refetch()} />;
  }
  if (!directory.data) return <Skeleton className="h-96" />;
  const data = slots.data;
  const cliniciansById = new Map((data?.clinicians ?? []).map((c) => [c.id, c]));
  const freeAt = new Map((data?.days ?? []).flatMap((d) => d.slots.map((s) => [s.start, s.clinicianIds] as const)));

  function continueWith(id: string) {
    const clinician = cliniciansById.get(id);
    if (!clinician || !chosen || !type) return;
    const target = `/clinicians/${clinician.slug}?type=${type.id}&start=${encodeURIComponent(chosen.start.toISOString())}`;
    router.push(status === 'authenticated' ? target : `/sign-in?callbackUrl=${encodeURIComponent(target)}`);
  }

  const when = (start: Date) =>
    new Intl.DateTimeFormat('en-IN', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: data?.zone ?? 'UTC',
      timeZoneName: 'short',
    }).format(start);

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/" className="text-teal-800 underline hover:text-teal-900">
            All clinicians
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">The first free time</h1>
        <p className="mt-1 text-slate-600">Every clinician who offers the visit you need, together.</p>
      </div>

      <form className="grid gap-4 sm:grid-cols-3" aria-label="What you need" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Specialisation"
          value={specialisation}
          onChange={(e) => {
            setSpecialisation(e.target.value);
            setTypeId('');
            setChosen(null);
          }}
          options={[
            { value: '', label: 'Any specialisation' },
            ...directory.data.filters.specialisations.map((s) => ({ value: s, label: s })),
          ]}
        />
        <SelectField
          label="Visit"
          value={type?.id ?? ''}
          onChange={(e) => {
            setTypeId(e.target.value);
            setChosen(null);
          }}
          options={types.map((t) => ({
            value: t.id,
            label: `${t.name} · ${t.durationMinutes} min · ${formatMoney(t.priceMinor, t.currency)}`,
          }))}
        />
        <SelectField
          label="Centre"
          value={centreId}
          onChange={(e) => {
            setCentreId(e.target.value);
            setChosen(null);
          }}
          options={[
            { value: '', label: 'Any centre' },
            ...directory.data.filters.centres.map((c) => ({ value: c.id, label: `${c.name}, ${c.city}` })),
          ]}
        />
      </form>

      {!type ? (
        <EmptyState title="Nothing to book online here">
          Please choose another specialisation or call the clinic.
        </EmptyState>
      ) : slots.error ? (
        <ErrorState message={errorMessage(slots.error)} onRetry={() => void slots.refetch()} />
      ) : !data ? (
        <Skeleton className="h-64" />
      ) : chosen ? (
        <Card className="space-y-4 p-5">
          <h2 className="text-xl font-semibold text-slate-900">Whom would you like to see?</h2>
          <p className="text-slate-700">
            {type.name} on {when(chosen.start)}
          </p>
          <fieldset className="space-y-2">
            <legend className="sr-only">Clinicians free at this time</legend>
            {chosen.clinicianIds.map((id) => {
              const c = cliniciansById.get(id);
              if (!c) return null;
              return (
                <label
                  key={id}
                  className={`flex cursor-pointer items-center gap-3 rounded-lg border p-3 focus-within:ring-2 focus-within:ring-teal-700 ${
                    (clinicianId ?? chosen.clinicianIds[0]) === id ? 'border-teal-700 bg-teal-50' : 'border-slate-300'
                  }`}
                >
                  <input
                    type="radio"
                    name="clinician"
                    value={id}
                    checked={(clinicianId ?? chosen.clinicianIds[0]) === id}
                    onChange={() => setClinicianId(id)}
                    className="accent-teal-700"
                  />
                  <Avatar name={c.name} photoUrl={c.photoUrl} size={40} />
                  <span>
                    <span className="block font-semibold text-slate-900">{c.name}</span>
                    {c.title ? <span className="block text-sm text-slate-600">{c.title}</span> : null}
                  </span>
                </label>
              );
            })}
          </fieldset>
          <div className="flex flex-wrap gap-3">
            <Button onClick={() => continueWith(clinicianId ?? chosen.clinicianIds[0] ?? '')}>Continue</Button>
            <Button variant="secondary" onClick={() => setChosen(null)}>
              Choose another time
            </Button>
          </div>
        </Card>
      ) : data.days.length === 0 ? (
        <EmptyState title="No free times in the next two weeks">
          Please try another centre or visit, or call the clinic.
        </EmptyState>
      ) : (
        <TimePicker
          zone={data.zone}
          online={type.mode === 'online'}
          days={data.days.map((d) => ({ date: d.date, starts: d.slots.map((s) => s.start) }))}
          caption={(start) => {
            const ids = freeAt.get(start) ?? [];
            const first = ids[0] ? cliniciansById.get(ids[0]) : undefined;
            return ids.length === 1 ? (first?.name ?? '') : `${ids.length} clinicians`;
          }}
          onChoose={(start) => {
            setClinicianId(null);
            setChosen({ start, clinicianIds: freeAt.get(start.getTime()) ?? [] });
          }}
        />
      )}
    </div>
  );
}
