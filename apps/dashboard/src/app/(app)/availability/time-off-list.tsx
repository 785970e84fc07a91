'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { addLocalDays, formatLocalTime, localDate, zonedTime } from '@carelane/core';
import { Alert, Button, Card, SelectField, TextField } from '@carelane/ui';
import { useState } from 'react';
import { BookedVisitsDialog, bookedVisitsOf } from './booked-visits-dialog';

const KIND_LABELS = { time_off: 'Time off', extra_hours: 'Extra hours', closure: 'Centre closed' } as const;

/** Upcoming time off, extra hours and closures, with a form to add one. */
export function TimeOffList({
  clinicianId,
  centre,
  canEdit,
  canClose,
}: {
  clinicianId: string;
  centre: { id: string; name: string; zone: string };
  canEdit: boolean;
  canClose: boolean;
}) {
  const zone = centre.zone;
  const today = localDate(new Date(), zone);
  const list = trpc.availability.exceptions.useQuery({ clinicianId, days: 180 });
  const utils = trpc.useUtils();
  const refresh = () => {
    void utils.availability.exceptions.invalidate();
    void utils.calendar.view.invalidate();
  };
  const add = trpc.availability.addException.useMutation({ onSuccess: refresh });
  const remove = trpc.availability.removeException.useMutation({ onSuccess: refresh });
  const [kind, setKind] = useState<'time_off' | 'extra_hours' | 'closure'>('time_off');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [wholeDay, setWholeDay] = useState(true);
  const [startTime, setStartTime] = useState('09:00');
  const [endTime, setEndTime] = useState('13:00');
  const [reason, setReason] = useState('');
  // What was last sent, to send again once the person has seen the booked visits it covers.
  type AddInput = Parameters<typeof add.mutate>[0];
  const [sent, setSent] = useState<AddInput | null>(null);
  const covered = bookedVisitsOf(add.error);

  const when = (start: Date, end: Date) => {
    const d1 = localDate(start, zone);
    const lastInstant = new Date(end.getTime() - 1);
    const d2 = localDate(lastInstant, zone);
    const t1 = formatLocalTime(start, zone);
    const t2 = formatLocalTime(end, zone);
    if (t1 === '00:00' && t2 === '00:00') return d1 === d2 ? `${d1}, all day` : `${d1} to ${d2}, all day`;
    return d1 === d2 ? `${d1}, ${t1}–${t2}` : `${d1} ${t1} to ${localDate(end, zone)} ${t2}`;
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const [sh = 0, sm = 0] = startTime.split(':').map(Number);
    const [eh = 0, em = 0] = endTime.split(':').map(Number);
    const startsAt = wholeDay ? zonedTime(from, 0, 0, zone) : zonedTime(from, sh, sm, zone);
    const endsAt = wholeDay ? zonedTime(addLocalDays(to, 1), 0, 0, zone) : zonedTime(from, eh, em, zone);
    const input: AddInput = {
      kind,
      ...(kind === 'closure' ? { centreId: centre.id } : { clinicianId }),
      startsAt,
      endsAt,
      reason: reason || undefined,
    };
    setSent(input);
    add.mutate(input, { onSuccess: () => setReason('') });
  }

  function confirmCovered() {
    if (sent) add.mutate({ ...sent, bookedVisitsSeen: true }, { onSuccess: () => setReason('') });
  }

  return (
    <Card className="space-y-4 p-5">
      <h2 className="text-lg font-semibold text-slate-900">Time off, extra hours and closures</h2>
      {list.error ? <Alert>{errorMessage(list.error)}</Alert> : null}
      {list.data && list.data.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing planned in the next six months.</p>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Planned exceptions">
          {list.data.map((x) => (
            <li key={x.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <span>
                <span className="font-semibold text-slate-900">{KIND_LABELS[x.kind]}</span> ·{' '}
                {when(x.startsAt, x.endsAt)}
                {x.reason ? <span className="text-slate-600"> · {x.reason}</span> : null}
              </span>
              {canEdit && (x.clinicianId || canClose) ? (
                <Button
                  variant="ghost"
                  busy={remove.isPending && remove.variables?.id === x.id}
                  onClick={() => remove.mutate({ id: x.id })}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? (
        <form onSubmit={submit} className="space-y-3 border-t border-slate-200 pt-4">
          <div className="flex flex-wrap items-end gap-3">
            <SelectField
              label="Kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as typeof kind)}
              options={[
                { value: 'time_off', label: 'Time off' },
                { value: 'extra_hours', label: 'Extra hours' },
                ...(canClose ? [{ value: 'closure', label: `Close ${centre.name}` }] : []),
              ]}
            />
            <TextField
              label="From"
              type="date"
              value={from}
              min={today}
              onChange={(e) => setFrom(e.target.value)}
              className="w-44"
            />
            {wholeDay ? (
              <TextField
                label="To"
                type="date"
                value={to}
                min={from}
                onChange={(e) => setTo(e.target.value)}
                className="w-44"
              />
            ) : (
              <>
                <TextField
                  label="Start"
                  type="time"
                  step={300}
                  value={startTime}
                  onChange={(e) => setStartTime(e.target.value)}
                  className="w-32"
                />
                <TextField
                  label="End"
                  type="time"
                  step={300}
                  value={endTime}
                  onChange={(e) => setEndTime(e.target.value)}
                  className="w-32"
                />
              </>
            )}
            <label className="mb-2 flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                checked={wholeDay}
                onChange={(e) => setWholeDay(e.target.checked)}
                className="accent-teal-700"
              />
              Whole days
            </label>
          </div>
          <TextField label="Reason (optional)" value={reason} onChange={(e) => setReason(e.target.value)} />
          {add.error && covered.length === 0 ? <Alert>{errorMessage(add.error)}</Alert> : null}
          {covered.length > 0 ? (
            <BookedVisitsDialog
              what={sent?.kind === 'closure' ? 'This closure' : 'This time off'}
              visits={covered}
              zone={zone}
              busy={add.isPending}
              onConfirm={confirmCovered}
              onClose={() => add.reset()}
            />
          ) : null}
          <Button type="submit" busy={add.isPending}>
            Add
          </Button>
        </form>
      ) : null}
    </Card>
  );
}
