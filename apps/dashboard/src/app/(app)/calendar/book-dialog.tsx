'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatLocalTime, localDate, zonedTime } from '@carelane/core';
import { Alert, Button, TextField } from '@carelane/ui';
import { useState } from 'react';
import { AppointmentTypeField, useAppointmentTypeChoice } from '@/components/appointment-type-choice';
import { Modal } from '@/components/modal';
import { PatientPicker, type PickedPatient } from '@/components/patient-picker';
import { detailsOf } from '@/components/server-errors';
import type { SlotTarget } from './types';

/** Book from the calendar: find the patient, choose the type, check the time, add notes. */
export function BookDialog({
  target,
  centreId,
  zone,
  canOverbook,
  onClose,
}: {
  target: SlotTarget;
  centreId: string;
  zone: string;
  canOverbook: boolean;
  onClose: (booked: string | null) => void;
}) {
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [time, setTime] = useState(formatLocalTime(target.startsAt, zone));
  const [notes, setNotes] = useState('');
  const [overbook, setOverbook] = useState(false);
  const [overbookReason, setOverbookReason] = useState('');
  const create = trpc.appointments.create.useMutation();
  const recurring = trpc.appointments.createRecurring.useMutation();
  const [repeat, setRepeat] = useState(false);
  const [everyWeeks, setEveryWeeks] = useState(1);
  const [count, setCount] = useState(6);
  // The clinician's own kinds of visit first, so the default fits them.
  const typeChoice = useAppointmentTypeChoice(target.specialisations, target.clinicianId);
  const chosenType = typeChoice.chosen;

  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const startsAt = zonedTime(localDate(target.startsAt, zone), hh, mm, zone);
  // The dates last checked, while they still describe this series: a changed time, type, patient
  // or repeat asks for a new check before anything is booked.
  const seriesKey = [patient?.id, chosenType?.id, startsAt.getTime(), everyWeeks, count].join(' ');
  const [checkedKey, setCheckedKey] = useState('');
  const checked = recurring.data && !recurring.data.seriesId && checkedKey === seriesKey ? recurring.data : null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!patient || !chosenType) return;
    if (repeat) {
      const series = {
        centreId,
        clinicianId: target.clinicianId,
        patientId: patient.id,
        typeId: chosenType.id,
        startsAt,
        notes: notes || undefined,
        everyWeeks,
        count,
      };
      // First show which dates are free; a second press books them.
      if (!checked) {
        setCheckedKey(seriesKey);
        recurring.mutate({ ...series, action: 'check' });
        return;
      }
      recurring.mutate(
        { ...series, action: 'book' },
        {
          onSuccess: (r) => {
            const n = r.occurrences.filter((o) => o.appointmentId).length;
            onClose(`Booked ${n} of ${r.occurrences.length} weekly appointments for ${patient.name}.`);
          },
        },
      );
      return;
    }
    create.mutate(
      {
        centreId,
        clinicianId: target.clinicianId,
        patientId: patient.id,
        typeId: chosenType.id,
        startsAt,
        notes: notes || undefined,
        overbook,
        overbookReason: overbook ? overbookReason : undefined,
      },
      { onSuccess: () => onClose(`Booked ${patient.name} with ${target.clinicianName} at ${time}.`) },
    );
  }

  const fieldError = (field: string) => detailsOf(create.error).find((d) => d.field === field)?.message ?? null;

  return (
    <Modal title={`Book with ${target.clinicianName}`} onClose={() => onClose(null)}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <PatientPicker patient={patient} onChange={setPatient} />
        <AppointmentTypeField choice={typeChoice} error={fieldError('typeId')} />
        <TextField
          label="Start time"
          type="time"
          step={300}
          value={time}
          onChange={(e) => setTime(e.target.value)}
          error={fieldError('startsAt')}
        />
        <TextField
          label="Notes (optional)"
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={fieldError('notes')}
        />
        <div className="space-y-2 rounded-md border border-slate-200 p-3">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              checked={repeat}
              onChange={(e) => {
                setRepeat(e.target.checked);
                recurring.reset();
              }}
              className="accent-teal-700"
            />
            Repeat weekly
          </label>
          {repeat ? (
            <div className="flex flex-wrap gap-3">
              <TextField
                label="Every (weeks)"
                type="number"
                min={1}
                max={12}
                value={everyWeeks}
                onChange={(e) => setEveryWeeks(Number(e.target.value))}
                className="w-32"
              />
              <TextField
                label="How many times"
                type="number"
                min={2}
                max={52}
                value={count}
                onChange={(e) => setCount(Number(e.target.value))}
                className="w-36"
              />
            </div>
          ) : null}
          {repeat && checked ? (
            <ul className="max-h-40 space-y-1 overflow-y-auto text-sm" aria-label="Dates in the series">
              {checked.occurrences.map((o) => (
                <li key={o.startsAt.toISOString()} className={o.free ? 'text-slate-800' : 'text-red-800'}>
                  {localDate(o.startsAt, zone)} {formatLocalTime(o.startsAt, zone)} — {o.free ? 'free' : o.clash}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {canOverbook && !repeat ? (
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
              <input
                type="checkbox"
                checked={overbook}
                onChange={(e) => setOverbook(e.target.checked)}
                className="accent-red-700"
              />
              Overbook deliberately (on another visit or outside working hours)
            </label>
            {overbook ? (
              <TextField
                label="Reason for overbooking"
                value={overbookReason}
                onChange={(e) => setOverbookReason(e.target.value)}
                error={fieldError('overbookReason')}
              />
            ) : null}
          </div>
        ) : null}
        {create.error ? <Alert>{errorMessage(create.error)}</Alert> : null}
        {recurring.error ? <Alert>{errorMessage(recurring.error)}</Alert> : null}
        <div className="flex gap-2">
          <Button type="submit" busy={create.isPending || recurring.isPending} disabled={!patient || !chosenType}>
            {!repeat
              ? 'Book appointment'
              : checked
                ? `Book ${checked.occurrences.filter((o) => o.free).length} free dates`
                : 'Check dates'}
          </Button>
          <Button variant="secondary" onClick={() => onClose(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}
