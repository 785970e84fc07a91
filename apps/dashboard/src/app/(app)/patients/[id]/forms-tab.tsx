'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, EmptyState, ErrorState, Loading, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { useState } from 'react';
import { formWhen } from '@/components/forms/form-format';
import { FormLinkDialog } from './form-link-dialog';
import { type FormLink, FormRequestsList, RevokeLinkDialog } from './form-requests-list';
import type { PatientRecord } from './types';

/**
 * Medical-history forms: the links sent to the patient and where each stands, and what they
 * submitted. Every submission stays listed; a later one never replaces an earlier one. Only
 * clinicians and admins open a submission (the server refuses others).
 */
export function FormsTab({
  patient,
  canSend,
  canReadSubmissions,
  zone,
}: {
  patient: PatientRecord;
  canSend: boolean;
  canReadSubmissions: boolean;
  zone: string | undefined;
}) {
  const forms = trpc.forms.forPatient.useQuery({ patientId: patient.id });
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'revoke'; link: FormLink } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = (message: string | null) => {
    setDialog(null);
    setNotice(message);
  };
  const openCreate = canSend ? () => setDialog({ kind: 'create' }) : null;

  if (forms.error) return <ErrorState message={errorMessage(forms.error)} onRetry={() => void forms.refetch()} />;
  if (!forms.data) {
    return (
      <Loading label="Loading forms…" className="space-y-3">
        <Skeleton className="h-24" />
        <Skeleton className="h-24" />
      </Loading>
    );
  }
  const { links, submissions } = forms.data;

  return (
    <div className="space-y-6">
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      <section aria-labelledby="form-links-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="form-links-heading" className="text-base font-semibold text-slate-900">
            Form links
          </h2>
          {openCreate && links.length ? <Button onClick={openCreate}>Send a form</Button> : null}
        </div>
        {links.length ? (
          <FormRequestsList
            links={links}
            zone={zone}
            onRevoke={canSend ? (link) => setDialog({ kind: 'revoke', link }) : null}
            onSendNew={openCreate}
          />
        ) : (
          <EmptyState
            title="No form links yet"
            action={openCreate ? <Button onClick={openCreate}>Send a form</Button> : undefined}
          >
            Send the patient a medical-history form to fill in and sign before the visit.
          </EmptyState>
        )}
      </section>

      <section aria-labelledby="form-submissions-heading" className="space-y-3">
        <h2 id="form-submissions-heading" className="text-base font-semibold text-slate-900">
          Submissions
        </h2>
        {!canReadSubmissions && submissions.length ? (
          <p className="text-sm text-slate-600">
            Only clinicians and admins read submitted answers; you see when each was sent.
          </p>
        ) : null}
        {submissions.length ? (
          <ul
            aria-label="Submissions"
            className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
          >
            {submissions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                <div>
                  <p className="font-semibold text-slate-900">Submitted {formWhen(s.submittedAt, zone)}</p>
                  <p className="text-slate-600">Questionnaire version {s.version}</p>
                </div>
                {canReadSubmissions ? (
                  <Link
                    href={`/patients/${patient.id}/forms/${s.id}`}
                    className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
                  >
                    View<span className="sr-only"> the submission of {formWhen(s.submittedAt, zone)}</span>
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No submissions yet">Answers appear here once the patient sends the form.</EmptyState>
        )}
      </section>

      {dialog?.kind === 'create' ? <FormLinkDialog patient={patient} zone={zone} onClose={close} /> : null}
      {dialog?.kind === 'revoke' ? (
        <RevokeLinkDialog link={dialog.link} patientId={patient.id} zone={zone} onClose={close} />
      ) : null}
    </div>
  );
}
