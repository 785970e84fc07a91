'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { addLocalDays } from '@carelane/core';
import { Alert, Button, ErrorState, SelectField, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { useState } from 'react';
import { useQueryParams } from '@/components/use-query-params';
import { AppointmentDialog } from './appointment-dialog';
import { BookDialog } from './book-dialog';
import { TimeGrid } from './time-grid';
import type { CalendarAppointment, CalendarColumn, SlotTarget } from './types';

function dateTitle(date: string, view: 'day' | 'week', dates: string[]) {
  const fmt = (d: string, opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-IN', { ...opts, timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
  if (view === 'day') return fmt(date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const first = dates[0] ?? date;
  const last = dates[dates.length - 1] ?? date;
  return `${fmt(first, { day: 'numeric', month: 'short' })} – ${fmt(last, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/** Day view (a column per clinician) and week view (one clinician), with booking and moving. */
export function CalendarBoard() {
  const [params, navigate] = useQueryParams();
  const view = params.get('view') === 'week' ? 'week' : 'day';
  const profile = trpc.me.profile.useQuery();
  const utils = trpc.useUtils();
  const input = {
    view,
    date: params.get('date') ?? undefined,
    centreId: params.get('centre') ?? undefined,
    clinicianId: params.get('clinician') ?? undefined,
  } as const;
  const needsClinician = view === 'week' && !input.clinicianId;
  const calendar = trpc.calendar.view.useQuery(input, { enabled: !needsClinician, refetchInterval: 30_000 });
  const reschedule = trpc.appointments.reschedule.useMutation();
  const [booking, setBooking] = useState<SlotTarget | null>(null);
  const [open, setOpen] = useState<{ appointment: CalendarAppointment; column: CalendarColumn } | null>(null);
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const data = calendar.data;
  const firstClinician = data?.clinicians[0]?.id;

  function move(appointment: CalendarAppointment, target: SlotTarget) {
    setNotice(null);
    reschedule.mutate(
      { id: appointment.id, startsAt: target.startsAt, clinicianId: target.clinicianId },
      {
        onSuccess: () => {
          setNotice({ tone: 'success', text: `Moved ${appointment.patient.name} to ${target.clinicianName}.` });
          void utils.calendar.view.invalidate();
        },
        onError: (e) => {
          setNotice({ tone: 'error', text: errorMessage(e) });
          void utils.calendar.view.invalidate();
        },
      },
    );
  }

  const step = view === 'day' ? 1 : 7;
  const shift = (days: number) => data && navigate({ date: addLocalDays(data.date, days) });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Calendar</h1>
          <p className="text-sm text-slate-600" aria-live="polite">
            {data ? `${dateTitle(data.date, view, data.dates)} · ${data.centre.name}` : 'Loading…'}
          </p>
          <Link href="/availability" className="text-sm font-semibold text-teal-800 underline">
            Hours and time off
          </Link>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <fieldset className="flex rounded-md border border-slate-300 bg-white p-0.5">
            <legend className="sr-only">View</legend>
            {(['day', 'week'] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                onClick={() =>
                  navigate({
                    view: v,
                    clinician:
                      v === 'week'
                        ? (input.clinicianId ?? (profile.data?.role === 'clinician' ? profile.data.id : firstClinician))
                        : input.clinicianId,
                  })
                }
                className={`rounded px-3 py-1.5 text-sm font-semibold ${view === v ? 'bg-teal-700 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {v === 'day' ? 'Day' : 'Week'}
              </button>
            ))}
          </fieldset>
          <Button
            variant="secondary"
            onClick={() => shift(-step)}
            aria-label={view === 'day' ? 'Previous day' : 'Previous week'}
          >
            ←
          </Button>
          <Button variant="secondary" onClick={() => navigate({ date: undefined })}>
            Today
          </Button>
          <Button
            variant="secondary"
            onClick={() => shift(step)}
            aria-label={view === 'day' ? 'Next day' : 'Next week'}
          >
            →
          </Button>
          <label className="text-sm font-medium text-slate-800">
            <span className="sr-only">Go to date</span>
            <input
              type="date"
              value={data?.date ?? ''}
              onChange={(e) => e.target.value && navigate({ date: e.target.value })}
              className="min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm"
            />
          </label>
          {profile.data && profile.data.centres.length > 1 ? (
            <SelectField
              label="Centre"
              value={data?.centre.id ?? ''}
              onChange={(e) => navigate({ centre: e.target.value, clinician: undefined })}
              options={profile.data.centres.map((c) => ({ value: c.id, label: c.name }))}
            />
          ) : null}
          {view === 'week' && data ? (
            <SelectField
              label="Clinician"
              value={input.clinicianId ?? ''}
              onChange={(e) => navigate({ clinician: e.target.value })}
              options={data.clinicians.map((c) => ({ value: c.id, label: c.name }))}
            />
          ) : null}
        </div>
      </div>

      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}

      {needsClinician ? (
        <ClinicianPicker onPick={(id) => navigate({ clinician: id })} centreId={input.centreId} />
      ) : calendar.error ? (
        <ErrorState message={errorMessage(calendar.error)} onRetry={() => void calendar.refetch()} />
      ) : !data ? (
        <Skeleton className="h-[32rem]" />
      ) : (
        <TimeGrid
          data={data}
          busy={reschedule.isPending}
          onCreate={(target) => setBooking(target)}
          onMove={move}
          onOpen={(appointment, column) => setOpen({ appointment, column })}
        />
      )}

      {booking && data ? (
        <BookDialog
          target={booking}
          centreId={data.centre.id}
          zone={data.zone}
          canOverbook={profile.data?.permissions.includes('appointments:overbook') ?? false}
          onClose={(booked) => {
            setBooking(null);
            if (booked) {
              setNotice({ tone: 'success', text: booked });
              void utils.calendar.view.invalidate();
            }
          }}
        />
      ) : null}
      {open && data ? (
        <AppointmentDialog
          appointment={open.appointment}
          column={open.column}
          data={data}
          canSendPaymentLink={profile.data?.permissions.includes('billing:write') ?? false}
          canOverbook={profile.data?.permissions.includes('appointments:overbook') ?? false}
          onClose={(changed) => {
            setOpen(null);
            if (changed) {
              setNotice({ tone: 'success', text: changed });
              void utils.calendar.view.invalidate();
            }
          }}
        />
      ) : null}
    </div>
  );
}

/** Before a week can show, someone has to be chosen. */
function ClinicianPicker({ onPick, centreId }: { onPick: (id: string) => void; centreId: string | undefined }) {
  const day = trpc.calendar.view.useQuery({ view: 'day', centreId });
  if (!day.data) return <Skeleton className="h-24" />;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <p className="font-semibold text-slate-900">Whose week?</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {day.data.clinicians.map((c) => (
          <Button key={c.id} variant="secondary" onClick={() => onPick(c.id)}>
            {c.name}
          </Button>
        ))}
      </div>
    </div>
  );
}
