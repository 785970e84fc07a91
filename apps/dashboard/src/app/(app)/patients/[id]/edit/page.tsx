import type { Metadata } from 'next';
import { EditPatient } from './edit-patient';

export const metadata: Metadata = { title: 'Edit patient' };

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  return <EditPatient id={(await params).id} />;
}
