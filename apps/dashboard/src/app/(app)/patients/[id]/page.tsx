import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PatientView } from './patient-view';

export const metadata: Metadata = { title: 'Patient' };

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <PatientView id={id} />
    </Suspense>
  );
}
