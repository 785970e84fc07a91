'use client';
import { trpc } from '@carelane/api/react';
import { ErrorState, SelectField, Skeleton } from '@carelane/ui';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { TimeOffList } from './time-off-list';
import { WeeklyHoursForm } from './weekly-hours-form';

/** A clinician's weekly hours per centre and their time off, for managers and the clinician. */
export function AvailabilityEditor() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const profile = trpc.me.profile.useQuery();
  const centreId = params.get('centre') ?? profile.data?.defaultCentreId ?? undefined;
  const day = trpc.calendar.view.useQuery({ view: 'day', centreId }, { enabled: profile.isSuccess });
  const clinicians = day.data?.clinicians ?? [];
  const own = profile.data?.role === 'clinician' ? profile.data.id : undefined;
  const clinicianId = params.get('clinician') ?? own ?? clinicians[0]?.id;
  const hours = trpc.availability.weeklyHours.useQuery(
    { clinicianId: clinicianId ?? '' },
    { enabled: Boolean(clinicianId) },
  );
  const canEdit =
    (profile.data?.permissions.includes('availability:manage') ?? false) &&
    (profile.data?.role !== 'clinician' || profile.data.id === clinicianId);
  const canClose = canEdit && profile.data?.role !== 'clinician';

  function pick(next: Record<string, string>) {
    const q = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(next)) q.set(k, v);
    router.replace(`${pathname}?${q.toString()}`);
  }

  const error = profile.error ?? day.error ?? hours.error;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Hours and time off</h1>
          <p className="text-sm text-slate-600">
            Weekly working hours per centre, in the centre’s local time, and time away.
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          {profile.data && profile.data.centres.length > 1 ? (
            <SelectField
              label="Centre"
              value={centreId ?? ''}
              onChange={(e) => pick({ centre: e.target.value })}
              options={profile.data.centres.map((c) => ({ value: c.id, label: c.name }))}
            />
          ) : null}
          {clinicians.length ? (
            <SelectField
              label="Clinician"
              value={clinicianId ?? ''}
              onChange={(e) => pick({ clinician: e.target.value })}
              options={clinicians.map((c) => ({ value: c.id, label: c.name }))}
            />
          ) : null}
        </div>
      </div>
      {error ? (
        <ErrorState message={error.message} onRetry={() => void hours.refetch()} />
      ) : !hours.data || !day.data ? (
        <Skeleton className="h-96" />
      ) : (
        <>
          {hours.data.centres
            .filter((c) => c.id === day.data.centre.id)
            .map((centre) => (
              <WeeklyHoursForm
                key={`${hours.data.clinician.id}:${centre.id}`}
                clinicianId={hours.data.clinician.id}
                centre={centre}
                rules={hours.data.rules.filter((r) => r.centreId === centre.id)}
                canEdit={canEdit}
              />
            ))}
          <TimeOffList
            clinicianId={hours.data.clinician.id}
            centre={day.data.centre}
            canEdit={canEdit}
            canClose={canClose}
          />
        </>
      )}
    </div>
  );
}
