'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { fullName } from '@carelane/core';
import { ErrorState, Skeleton } from '@carelane/ui';
import { toFormValues } from '../../form-values';
import { PatientForm } from '../../patient-form';

/** The edit form, filled from the record as stored. */
export function EditPatient({ id }: { id: string }) {
  const patient = trpc.patients.byId.useQuery({ id });
  if (patient.error) return <ErrorState message={errorMessage(patient.error)} onRetry={() => void patient.refetch()} />;
  if (!patient.data) {
    return (
      <div className="max-w-3xl space-y-3" aria-busy="true">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-64" />
      </div>
    );
  }
  const p = patient.data;
  return (
    <div className="max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Edit {fullName(p)}</h1>
      <PatientForm id={id} initial={toFormValues(p)} />
    </div>
  );
}
