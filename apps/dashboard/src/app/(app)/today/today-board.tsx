'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatLocalTime } from '@carelane/core';
import { Card, EmptyState, ErrorState, Loading, SelectField, Skeleton, StatusBadge } from '@carelane/ui';
import { useState } from 'react';

/** The signed-in user's centre's appointments for today, by clinician; refreshed every 30 s. */
export function TodayBoard() {
  const profile = trpc.me.profile.useQuery();
  const [centreId, setCentreId] = useState<string | undefined>(undefined);
  const selected = centreId ?? profile.data?.defaultCentreId ?? undefined;
  const day = trpc.appointments.day.useQuery(
    { centreId: selected },
    { enabled: profile.isSuccess, refetchInterval: 30_000 },
  );

  const dateLabel = day.data
    ? new Intl.DateTimeFormat('en-IN', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        timeZone: day.data.centre.zone,
      }).format(new Date(`${day.data.date}T12:00:00Z`))
    : '';
  const total = day.data?.clinicians.reduce((n, c) => n + c.appointments.length, 0) ?? 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Today</h1>
          <p className="text-sm text-slate-600" aria-live="polite">
            {day.data ? `${dateLabel} · ${day.data.centre.name} · ${total} appointments` : 'Loading…'}
          </p>
        </div>
        {profile.data && profile.data.centres.length > 1 ? (
          <SelectField
            label="Centre"
            value={selected}
            onChange={(e) => setCentreId(e.target.value)}
            options={profile.data.centres.map((c) => ({ value: c.id, label: `${c.name} (${c.city})` }))}
            className="w-64"
          />
        ) : null}
      </div>

      {profile.error || day.error ? (
        <ErrorState message={errorMessage(profile.error ?? day.error)} onRetry={() => void day.refetch()} />
      ) : !day.data ? (
        <Loading label="Loading appointments…" className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-64" />
          ))}
        </Loading>
      ) : day.data.clinicians.length === 0 ? (
        <EmptyState title="No clinicians at this centre">
          Add clinicians to this centre to see their day here.
        </EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {day.data.clinicians.map((clinician) => (
            <Card key={clinician.id} className="flex flex-col">
              <div className="border-b border-slate-200 px-4 py-3">
                <h2 className="font-semibold text-slate-900">{clinician.name}</h2>
                <p className="text-sm text-slate-600">
                  {clinician.specialisations.join(', ')} · {clinician.appointments.length} today
                </p>
              </div>
              {clinician.appointments.length === 0 ? (
                <p className="px-4 py-6 text-sm text-slate-600">No appointments today.</p>
              ) : (
                <ol className="divide-y divide-slate-100" aria-label={`Appointments with ${clinician.name}`}>
                  {clinician.appointments.map((a) => (
                    <li key={a.id} className="flex items-start gap-3 px-4 py-3">
                      <span
                        className="mt-1 h-10 w-1 shrink-0 rounded-full"
                        style={{ backgroundColor: a.type.colour }}
                        aria-hidden="true"
                      />
                      <div className="min-w-0 flex-1">
                        <p className="text-sm font-semibold tabular-nums text-slate-900">
                          {formatLocalTime(a.startsAt, day.data.centre.zone)}–
                          {formatLocalTime(a.endsAt, day.data.centre.zone)}
                        </p>
                        <p className="truncate text-sm text-slate-800">{a.patient.name}</p>
                        <p className="truncate text-xs text-slate-600">
                          {a.type.name}
                          {a.mode === 'online' ? ' · Online' : ''}
                          {a.overbooked ? ' · Overbooked' : ''}
                        </p>
                        {a.offHours ? (
                          <p className="text-xs font-medium text-amber-900" data-testid="off-hours">
                            ⚠ {a.offHours}
                          </p>
                        ) : null}
                      </div>
                      <StatusBadge status={a.status} />
                    </li>
                  ))}
                </ol>
              )}
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}
