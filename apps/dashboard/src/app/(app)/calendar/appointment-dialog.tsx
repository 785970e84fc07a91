'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import {
  APPOINTMENT_STATUS_LABELS,
  formatLocalTime,
  formatPhone,
  localDate,
  nextStatuses,
  zonedTime,
} from '@carelane/core';
import { Alert, Button, SelectField, StatusBadge, TextField } from '@carelane/ui';
import { useState } from 'react';
import { Modal } from '@/components/modal';
import { detailsOf } from '@/components/server-errors';
import type { CalendarAppointment, CalendarColumn, CalendarView } from './types';
import { VisitPayment } from './visit-payment';

const ACTION_LABELS = {
  confirmed: 'Confirm',
  checked_in: 'Check in',
  completed: 'Complete',
  no_show: 'Mark no-show',
} as const;
type Action = keyof typeof ACTION_LABELS;

/** One appointment: what it is, moving it along the status machine, cancelling, moving it. */
export function AppointmentDialog({
  appointment: a,
  column,
  data,
  canSendPaymentLink,
  canOverbook,
  onClose,
}: {
  appointment: CalendarAppointment;
  column: CalendarColumn;
  data: CalendarView;
  /** The role may take payments (billing:write). */
  canSendPaymentLink: boolean;
  /** The role may overbook (appointments:overbook): a refused move can then go ahead, with a reason. */
  canOverbook: boolean;
  onClose: (changed: string | null) => void;
}) {
  const zone = data.zone;
  const setStatus = trpc.appointments.setStatus.useMutation();
  const cancel = trpc.appointments.cancel.useMutation();
  const reschedule = trpc.appointments.reschedule.useMutation();
  const [reason, setReason] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [date, setDate] = useState(column.date);
  const [time, setTime] = useState(formatLocalTime(a.startsAt, zone));
  const [clinicianId, setClinicianId] = useState(a.clinicianId);
  const [overbook, setOverbook] = useState(false);
  const [overbookReason, setOverbookReason] = useState('');
  // A move refused for a clash or for falling outside working time may go ahead deliberately.
  const refused = reschedule.error?.data?.code === 'CONFLICT';
  // Moving keeps the type: only clinicians who offer it (all when the type is archived and unlisted).
  const types = trpc.appointmentTypes.list.useQuery();
  const offeredBy = types.data?.find((t) => t.id === a.type.id)?.offeredBy;
  const movableTo = data.clinicians.filter((c) => !offeredBy || offeredBy.includes(c.id) || c.id === a.clinicianId);
  const actions = nextStatuses(a.status).filter((s): s is Action => s in ACTION_LABELS);
  const movable = a.status === 'pending' || a.status === 'confirmed';
  const error = setStatus.error ?? cancel.error ?? reschedule.error;

  function move(event: React.FormEvent) {
    event.preventDefault();
    const [hh = 0, mm = 0] = time.split(':').map(Number);
    reschedule.mutate(
      {
        id: a.id,
        startsAt: zonedTime(date, hh, mm, zone),
        clinicianId,
        overbook,
        overbookReason: overbook ? overbookReason : undefined,
      },
      { onSuccess: () => onClose(`Moved ${a.patient.name} to ${date} ${time}.`) },
    );
  }

  return (
    <Modal title={a.patient.name} onClose={() => onClose(null)}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">When</dt>
        <dd className="font-semibold text-slate-900">
          {column.date} · {formatLocalTime(a.startsAt, zone)}–{formatLocalTime(a.endsAt, zone)}
        </dd>
        <dt className="text-slate-600">With</dt>
        <dd className="text-slate-900">{column.clinicianName}</dd>
        <dt className="text-slate-600">Type</dt>
        <dd className="text-slate-900">
          {a.type.name}
          {a.mode === 'online' ? ' · Online' : ''}
        </dd>
        <dt className="text-slate-600">Status</dt>
        <dd>
          <StatusBadge status={a.status} />
        </dd>
        <dt className="text-slate-600">Patient</dt>
        <dd className="text-slate-900">
          {a.patient.mrn}
          {a.patient.phone ? ` · ${formatPhone(a.patient.phone)}` : ''}
        </dd>
        {a.patientConfirmedAt ? (
          <>
            <dt className="text-slate-600">Confirmation</dt>
            <dd className="text-teal-800" data-testid="patient-confirmed-at">
              Patient confirmed at {formatLocalTime(a.patientConfirmedAt, zone)} on{' '}
              {localDate(a.patientConfirmedAt, zone)}
              {a.patientConfirmedVia ? ` (${a.patientConfirmedVia})` : ''}
            </dd>
          </>
        ) : null}
        {a.offHours ? (
          <>
            <dt className="text-amber-900">Outside hours</dt>
            <dd className="font-medium text-amber-900" data-testid="off-hours">
              {a.offHours}
            </dd>
          </>
        ) : null}
        {a.overbooked ? (
          <>
            <dt className="text-red-800">Overbooked</dt>
            <dd className="text-red-800">{a.overbookReason}</dd>
          </>
        ) : null}
        {a.notes ? (
          <>
            <dt className="text-slate-600">Notes</dt>
            <dd className="text-slate-900">{a.notes}</dd>
          </>
        ) : null}
      </dl>

      <VisitPayment
        appointmentId={a.id}
        feeMinor={a.feeMinor}
        currency={a.currency}
        paymentStatus={a.paymentStatus}
        canSendLink={canSendPaymentLink && a.status !== 'no_show'}
      />

      {error ? <Alert>{errorMessage(error)}</Alert> : null}

      {actions.length ? (
        <div className="flex flex-wrap gap-2">
          {actions.map((s) => (
            <Button
              key={s}
              busy={setStatus.isPending && setStatus.variables?.status === s}
              variant={s === 'no_show' ? 'secondary' : 'primary'}
              onClick={() =>
                setStatus.mutate(
                  { id: a.id, status: s },
                  { onSuccess: () => onClose(`${a.patient.name}: ${APPOINTMENT_STATUS_LABELS[s].toLowerCase()}.`) },
                )
              }
            >
              {ACTION_LABELS[s]}
            </Button>
          ))}
          {nextStatuses(a.status).includes('cancelled') && !cancelling ? (
            <Button variant="danger" onClick={() => setCancelling(true)}>
              Cancel appointment
            </Button>
          ) : null}
        </div>
      ) : null}

      {cancelling ? (
        <form
          className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            cancel.mutate(
              { id: a.id, reason },
              { onSuccess: () => onClose(`Cancelled ${a.patient.name}'s appointment.`) },
            );
          }}
        >
          <TextField
            label="Reason for cancelling"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
          <div className="flex gap-2">
            <Button type="submit" variant="danger" busy={cancel.isPending}>
              Cancel appointment
            </Button>
            <Button variant="ghost" onClick={() => setCancelling(false)}>
              Keep it
            </Button>
          </div>
        </form>
      ) : null}

      {movable ? (
        <form onSubmit={move} className="space-y-3 border-t border-slate-200 pt-4">
          <p className="text-sm font-semibold text-slate-900">Move</p>
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField label="Date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            <TextField label="Time" type="time" step={300} value={time} onChange={(e) => setTime(e.target.value)} />
            <SelectField
              label="Clinician"
              value={clinicianId}
              onChange={(e) => setClinicianId(e.target.value)}
              options={movableTo.map((c) => ({ value: c.id, label: c.name }))}
            />
          </div>
          {canOverbook && (refused || overbook) ? (
            <div className="space-y-2 rounded-md border border-slate-200 p-3">
              <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
                <input
                  type="checkbox"
                  checked={overbook}
                  onChange={(e) => setOverbook(e.target.checked)}
                  className="accent-red-700"
                />
                Move anyway as a deliberate overbooking
              </label>
              {overbook ? (
                <TextField
                  label="Reason for overbooking"
                  value={overbookReason}
                  onChange={(e) => setOverbookReason(e.target.value)}
                  error={detailsOf(reschedule.error).find((d) => d.field === 'overbookReason')?.message ?? null}
                />
              ) : null}
            </div>
          ) : null}
          <Button type="submit" variant="secondary" busy={reschedule.isPending}>
            Move appointment
          </Button>
        </form>
      ) : null}
    </Modal>
  );
}
