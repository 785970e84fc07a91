import type { Metadata } from 'next';
import { EMPTY_FORM } from '../form-values';
import { PatientForm } from '../patient-form';

export const metadata: Metadata = { title: 'New patient' };

export default function NewPatientPage() {
  return (
    <div className="max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">New patient</h1>
      <PatientForm id={null} initial={EMPTY_FORM} />
    </div>
  );
}
