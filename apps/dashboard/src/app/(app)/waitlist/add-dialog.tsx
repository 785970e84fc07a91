'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { addLocalDays, localDate } from '@carelane/core';
import { Alert, Button, SelectField, TextField } from '@carelane/ui';
import { useId, useState } from 'react';
import { AppointmentTypeField, useAppointmentTypeChoice } from '@/components/appointment-type-choice';
import { Modal } from '@/components/modal';
import { PatientPicker, type PickedPatient } from '@/components/patient-picker';
import { detailsOf } from '@/components/server-errors';

type Clinician = { id: string; name: string; specialisations: string[] };

/** Puts a patient on the waitlist for a clinician, or any clinician of a specialisation. */
export function AddDialog({
  clinicians,
  specialisations,
  zone,
  initialClinicianId,
  onClose,
}: {
  clinicians: Clinician[];
  specialisations: string[];
  zone: string;
  initialClinicianId: string | undefined;
  onClose: (added: string | null) => void;
}) {
  const radioName = useId();
  const today = localDate(new Date(), zone);
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [wants, setWants] = useState<'clinician' | 'specialisation'>('clinician');
  const [clinicianId, setClinicianId] = useState(initialClinicianId ?? clinicians[0]?.id ?? '');
  const [specialisation, setSpecialisation] = useState(specialisations[0] ?? '');
  const [fromDate, setFromDate] = useState(today);
  const [toDate, setToDate] = useState(addLocalDays(today, 14));
  const [notes, setNotes] = useState('');
  const [patientMissing, setPatientMissing] = useState(false);
  const utils = trpc.useUtils();
  const add = trpc.waitlist.add.useMutation();

  const wantOptions: Array<[typeof wants, string]> = [
    ['clinician', 'A particular clinician'],
    ...(specialisations.length
      ? [['specialisation', 'Any clinician of a specialisation'] as [typeof wants, string]]
      : []),
  ];
  const clinician = clinicians.find((c) => c.id === clinicianId);
  // Kinds of visit that suit the wish first, so the default fits it.
  const typeChoice = useAppointmentTypeChoice(
    wants === 'clinician' ? (clinician?.specialisations ?? []) : [specialisation],
  );
  const chosenType = typeChoice.chosen;

  const details = detailsOf(add.error);
  const fieldError = (field: string) => details.find((d) => d.field === field)?.message ?? null;
  const wantedError = fieldError('clinicianId') ?? fieldError('specialisation');

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!patient) {
      setPatientMissing(true);
      return;
    }
    if (!chosenType) return;
    const who = wants === 'clinician' ? { clinicianId } : { specialisation };
    add.mutate(
      { patientId: patient.id, typeId: chosenType.id, fromDate, toDate, notes: notes.trim() || undefined, ...who },
      {
        onSuccess: () => {
          void utils.waitlist.list.invalidate();
          const forWhom =
            wants === 'clinician' ? (clinician?.name ?? 'the clinician') : `any ${specialisation} clinician`;
          onClose(`Added ${patient.name} to the waitlist for ${forWhom}.`);
        },
      },
    );
  }

  return (
    <Modal title="Add to the waitlist" onClose={() => onClose(null)}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <PatientPicker
          patient={patient}
          onChange={(p) => {
            setPatient(p);
            setPatientMissing(false);
          }}
          error={patientMissing ? 'Choose a patient first' : fieldError('patientId')}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Wants to see</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {wantOptions.map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name={radioName}
                  value={value}
                  checked={wants === value}
                  onChange={() => setWants(value)}
                  className="h-4 w-4 accent-teal-700"
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        {wants === 'clinician' ? (
          <SelectField
            label="Clinician"
            value={clinicianId}
            onChange={(e) => setClinicianId(e.target.value)}
            options={clinicians.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : (
          <SelectField
            label="Specialisation"
            value={specialisation}
            onChange={(e) => setSpecialisation(e.target.value)}
            options={specialisations.map((s) => ({ value: s, label: s }))}
          />
        )}
        {wantedError ? <p className="text-sm font-medium text-red-700">{wantedError}</p> : null}
        <AppointmentTypeField choice={typeChoice} />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField
            label="Can come from"
            type="date"
            min={today}
            value={fromDate}
            onChange={(e) => setFromDate(e.target.value)}
            error={fieldError('fromDate')}
          />
          <TextField
            label="Until"
            type="date"
            min={fromDate}
            value={toDate}
            onChange={(e) => setToDate(e.target.value)}
            error={fieldError('toDate')}
          />
        </div>
        <TextField
          label="Notes (optional)"
          hint="Only staff see these, e.g. “mornings only”."
          maxLength={500}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={fieldError('notes')}
        />
        {add.error && details.length === 0 ? <Alert>{errorMessage(add.error)}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={add.isPending} disabled={!chosenType}>
            Add to waitlist
          </Button>
          <Button variant="secondary" onClick={() => onClose(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </Modal>
  );
}
