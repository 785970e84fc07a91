import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PatientsList } from './patients-list';

export const metadata: Metadata = { title: 'Patients' };

export default function PatientsPage() {
  return (
    <Suspense>
      <PatientsList />
    </Suspense>
  );
}
