'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatPhone, fullName } from '@carelane/core';
import { Alert, Avatar, Badge, Button, ErrorState, Loading, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { useState } from 'react';
import { Tabs } from '@/components/tabs';
import { useQueryParams } from '@/components/use-query-params';
import { ageOn, SEX_LABELS } from '../format';
import { AppointmentsTab } from './appointments-tab';
import { ArchiveDialog } from './archive-dialog';
import { FormsTab } from './forms-tab';
import { HouseholdTab } from './household-tab';
import { MergeDialog } from './merge-dialog';
import { MessagesTab } from './messages-tab';
import { NotesTab } from './notes-tab';
import { OpenedByTab } from './opened-by-tab';
import { OverviewTab } from './overview-tab';
import { PaymentsTab } from './payments-tab';
import { TreatmentsTab } from './treatments-tab';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'appointments', label: 'Appointments' },
  { id: 'notes', label: 'Notes' },
  { id: 'household', label: 'Household' },
  { id: 'forms', label: 'Forms' },
  { id: 'treatments', label: 'Treatments' },
  { id: 'payments', label: 'Payments' },
  { id: 'messages', label: 'Messages' },
  { id: 'opened', label: 'Opened by' },
];

/** One patient: who they are at a glance, then their record by tab. */
export function PatientView({ id }: { id: string }) {
  const [params, navigate] = useQueryParams();
  const patient = trpc.patients.byId.useQuery({ id });
  const profile = trpc.me.profile.useQuery();
  const permissions = profile.data?.permissions ?? [];
  // Messages are for the roles that read the Messages page (not clinicians).
  // Who opened the record is the audit log's, for the roles that read it.
  const tabs = TABS.filter(
    (t) =>
      (t.id !== 'messages' || permissions.includes('messages:read')) &&
      (t.id !== 'opened' || permissions.includes('audit:read')),
  );
  const tab = tabs.some((t) => t.id === params.get('tab')) ? (params.get('tab') as string) : 'overview';
  const [dialog, setDialog] = useState<'archive' | 'merge' | null>(null);
  const [notice, setNotice] = useState<string | null>(params.get('saved') ? 'Saved.' : null);

  if (patient.error) {
    return <ErrorState message={errorMessage(patient.error)} onRetry={() => void patient.refetch()} />;
  }
  if (!patient.data) {
    return (
      <Loading label="Loading the patient…" className="space-y-4">
        <Skeleton className="h-16 w-80" />
        <Skeleton className="h-10" />
        <Skeleton className="h-64" />
      </Loading>
    );
  }
  const p = patient.data;
  const name = fullName(p);
  const merged = Boolean(p.mergedIntoId);
  const canWrite = permissions.includes('patients:write') && !merged;
  const age = ageOn(p.birthDate, new Date());
  const facts = [
    p.mrn,
    age !== null ? `${age} years` : null,
    p.sex && p.sex !== 'unknown' ? SEX_LABELS[p.sex] : null,
    p.phone ? formatPhone(p.phone) : null,
  ].filter(Boolean);

  return (
    <div className="space-y-5">
      <Link href="/patients" className="text-sm font-medium text-teal-800 hover:underline">
        ← Patients
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 items-center gap-4">
          <Avatar name={name} size={56} />
          <div className="min-w-0">
            <h1 className="text-2xl font-bold tracking-tight text-slate-900">{name}</h1>
            <p className="text-sm text-slate-600">
              {facts.map((f, i) => (
                <span key={f} className="whitespace-nowrap">
                  {i ? ' · ' : ''}
                  {f}
                </span>
              ))}
            </p>
            <div className="mt-1 flex flex-wrap gap-1">
              {p.archivedAt ? <Badge>Archived</Badge> : null}
              {merged ? <Badge>Merged</Badge> : null}
              {p.tags.map((t) => (
                <Badge key={t} tone="brand">
                  {t}
                </Badge>
              ))}
            </div>
          </div>
        </div>
        {canWrite ? (
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/patients/${id}/edit`}
              className="inline-flex min-h-10 items-center rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
            >
              Edit<span className="sr-only"> {name}</span>
            </Link>
            {permissions.includes('patients:merge') && !p.archivedAt ? (
              <Button variant="secondary" onClick={() => setDialog('merge')}>
                Merge a duplicate
              </Button>
            ) : null}
            <Button variant="secondary" onClick={() => setDialog('archive')}>
              {p.archivedAt ? 'Restore' : 'Archive'}
            </Button>
          </div>
        ) : null}
      </div>

      {merged ? (
        <Alert tone="info">
          This record was merged into another and is kept read-only.{' '}
          <Link href={`/patients/${p.mergedIntoId}`} className="font-semibold underline">
            Open {p.mergedInto ? `${p.mergedInto.name} (${p.mergedInto.mrn})` : 'the record in use'}
          </Link>
        </Alert>
      ) : null}
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>

      <Tabs
        label="Patient record"
        tabs={tabs}
        selected={tab}
        onSelect={(next) => navigate({ tab: next === 'overview' ? undefined : next, saved: undefined })}
      >
        {tab === 'overview' ? (
          <OverviewTab patient={p} />
        ) : tab === 'appointments' ? (
          <AppointmentsTab patientId={id} />
        ) : tab === 'notes' ? (
          <NotesTab patientId={id} canWrite={permissions.includes('clinical_notes:write') && !merged} />
        ) : tab === 'household' ? (
          <HouseholdTab patient={p} canWrite={canWrite} />
        ) : tab === 'forms' ? (
          <FormsTab
            patient={p}
            canSend={permissions.includes('forms:send') && !merged && !p.archivedAt}
            canReadSubmissions={permissions.includes('form_submissions:read')}
            zone={profile.data?.organization.zone}
          />
        ) : tab === 'treatments' ? (
          <TreatmentsTab
            patientId={id}
            canWrite={permissions.includes('treatments:write') && !merged}
            currency={profile.data?.organization.currency ?? 'INR'}
          />
        ) : tab === 'payments' ? (
          <PaymentsTab
            patientId={id}
            currency={profile.data?.organization.currency ?? 'INR'}
            canWrite={permissions.includes('billing:write') && !merged}
            canRefund={permissions.includes('billing:refund')}
          />
        ) : tab === 'opened' ? (
          <OpenedByTab patientId={id} zone={profile.data?.organization.zone} />
        ) : (
          <MessagesTab
            patientId={id}
            patientName={fullName(p)}
            zone={profile.data?.organization.zone}
            canSend={permissions.includes('messages:send')}
          />
        )}
      </Tabs>

      {dialog === 'archive' ? (
        <ArchiveDialog
          patient={p}
          onClose={(message) => {
            setDialog(null);
            if (message) setNotice(message);
          }}
        />
      ) : null}
      {dialog === 'merge' ? (
        <MergeDialog
          patient={p}
          onClose={(message) => {
            setDialog(null);
            if (message) setNotice(message);
          }}
        />
      ) : null}
    </div>
  );
}
