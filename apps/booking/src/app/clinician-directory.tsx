'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney } from '@carelane/core';
import { Avatar, Badge, Card, EmptyState, ErrorState, Loading, SelectField, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { useState } from 'react';

const MODE_LABELS: Record<string, string> = { in_person: 'In person', online: 'Online' };

/** The public clinician directory, filterable by specialisation and centre. */
export function ClinicianDirectory() {
  const [specialisation, setSpecialisation] = useState('');
  const [centreId, setCentreId] = useState('');
  const directory = trpc.clinicians.directory.useQuery(
    { specialisation: specialisation || undefined, centreId: centreId || undefined },
    { placeholderData: (previous) => previous },
  );
  const data = directory.data;
  const firstFreeQuery = new URLSearchParams({
    ...(specialisation ? { specialisation } : {}),
    ...(centreId ? { centre: centreId } : {}),
  }).toString();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">
          {data?.organization ? `Book with ${data.organization.name}` : 'Find a clinician'}
        </h1>
        <p className="mt-1 text-slate-600">
          Choose a clinician to see their details and book a visit, or{' '}
          <Link
            href={`/first-free${firstFreeQuery ? `?${firstFreeQuery}` : ''}`}
            className="font-semibold text-teal-800 underline hover:text-teal-900"
          >
            see the first free time with anyone
          </Link>
          .
        </p>
      </div>

      <form
        className="grid gap-4 sm:grid-cols-2 lg:max-w-2xl"
        aria-label="Filter clinicians"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Specialisation"
          value={specialisation}
          onChange={(e) => setSpecialisation(e.target.value)}
          options={[
            { value: '', label: 'All specialisations' },
            ...(data?.filters.specialisations ?? []).map((s) => ({ value: s, label: s })),
          ]}
        />
        <SelectField
          label="Centre"
          value={centreId}
          onChange={(e) => setCentreId(e.target.value)}
          options={[
            { value: '', label: 'All centres' },
            ...(data?.filters.centres ?? []).map((c) => ({ value: c.id, label: `${c.name}, ${c.city}` })),
          ]}
        />
      </form>

      {directory.error ? (
        <ErrorState message={errorMessage(directory.error)} onRetry={() => void directory.refetch()} />
      ) : !data ? (
        <Loading label="Loading clinicians…" className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {[0, 1, 2, 3, 4, 5].map((i) => (
            <Skeleton key={i} className="h-48" />
          ))}
        </Loading>
      ) : data.clinicians.length === 0 ? (
        <EmptyState title="No clinicians match these filters">Try another specialisation or centre.</EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-600" aria-live="polite">
            {data.clinicians.length} {data.clinicians.length === 1 ? 'clinician' : 'clinicians'}
          </p>
          <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3" aria-label="Clinicians">
            {data.clinicians.map((c) => (
              <li key={c.id}>
                <Card className="flex h-full flex-col gap-3 p-5">
                  <div className="flex items-start gap-4">
                    <Avatar name={c.name} photoUrl={c.photoUrl} size={56} />
                    <div className="min-w-0">
                      <h2 className="text-lg font-semibold text-slate-900">
                        <Link
                          href={`/clinicians/${c.slug}`}
                          className="hover:underline focus-visible:outline-2 focus-visible:outline-teal-700"
                        >
                          {c.name}
                        </Link>
                      </h2>
                      {c.title ? <p className="text-sm text-slate-700">{c.title}</p> : null}
                      <p className="text-sm text-slate-600">{c.qualifications.join(', ')}</p>
                    </div>
                  </div>
                  <div className="flex flex-wrap gap-1">
                    {c.specialisations.map((s) => (
                      <Badge key={s} tone="brand">
                        {s}
                      </Badge>
                    ))}
                    {c.modes.map((m) => (
                      <Badge key={m}>{MODE_LABELS[m] ?? m}</Badge>
                    ))}
                  </div>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-slate-600">Centre</dt>
                    <dd className="text-slate-900">
                      {c.centres.map((centre) => `${centre.name}, ${centre.city}`).join(' · ')}
                    </dd>
                    <dt className="text-slate-600">Languages</dt>
                    <dd className="text-slate-900">{c.languages.join(', ')}</dd>
                    <dt className="text-slate-600">Fee</dt>
                    <dd className="font-semibold text-slate-900">{formatMoney(c.feeMinor, c.currency)}</dd>
                  </dl>
                  {c.bio ? <p className="line-clamp-3 text-sm text-slate-700">{c.bio}</p> : null}
                  <Link
                    href={`/clinicians/${c.slug}`}
                    className="mt-auto inline-flex min-h-10 items-center justify-center rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
                    aria-label={`Book with ${c.name}`}
                  >
                    Book
                  </Link>
                </Card>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
