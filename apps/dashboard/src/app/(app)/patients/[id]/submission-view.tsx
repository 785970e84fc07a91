'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Button, ErrorState, Loading, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { formWhen } from '@/components/forms/form-format';
import { calendarDay } from '../format';

type Item = RouterOutputs['forms']['submission']['answers'][number];

/** The answer as the patient gave it: choices as their labels (the server's answerText), dates as dates. */
function answerOf(item: Item): string {
  if (item.type === 'date' && typeof item.value === 'string') return calendarDay(item.value) ?? item.value;
  return item.answerText;
}

const BACK =
  'text-sm font-medium text-teal-800 hover:underline focus-visible:outline-2 focus-visible:outline-teal-700 print:hidden';

/**
 * One submission as the patient sent it, laid out to print: the app's frame and these buttons
 * hide on paper (print: variants), leaving the clinic, patient, answers and signature.
 */
export function SubmissionView({ patientId, submissionId }: { patientId: string; submissionId: string }) {
  const submission = trpc.forms.submission.useQuery({ id: submissionId });
  const profile = trpc.me.profile.useQuery();
  const back = (
    <Link href={`/patients/${patientId}?tab=forms`} className={BACK}>
      ← Back to the patient's forms
    </Link>
  );

  if (submission.error) {
    const forbidden = submission.error.data?.code === 'FORBIDDEN';
    return (
      <div className="space-y-4">
        {back}
        {forbidden ? (
          <p role="alert" className="rounded-lg border border-slate-200 bg-white px-6 py-8 text-center text-slate-700">
            Only clinicians and admins can read submitted medical-history forms.
          </p>
        ) : (
          <ErrorState message={errorMessage(submission.error)} onRetry={() => void submission.refetch()} />
        )}
      </div>
    );
  }
  if (!submission.data) {
    return (
      <Loading label="Loading the form…" className="space-y-4">
        <Skeleton className="h-10 w-72" />
        <Skeleton className="h-96" />
      </Loading>
    );
  }
  const s = submission.data;
  const zone = profile.data?.organization.zone;
  return (
    <article className="mx-auto max-w-3xl space-y-6 print:max-w-none print:space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        {back}
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => window.print()}>Print</Button>
          <a
            href={`/api/form-submissions/${s.id}/pdf`}
            className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
          >
            Download PDF
          </a>
        </div>
      </div>
      <header className="space-y-1 border-b border-slate-200 pb-4">
        <p className="text-sm font-semibold text-teal-800 print:text-black">{profile.data?.organization.name}</p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Medical-history form</h1>
        <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">Patient</dt>
          <dd className="text-slate-900">{s.patient.name}</dd>
          <dt className="text-slate-600">Record number</dt>
          <dd className="text-slate-900">{s.patient.mrn}</dd>
          <dt className="text-slate-600">Date of birth</dt>
          <dd className="text-slate-900">{calendarDay(s.confirmedBirthDate) ?? '—'} (confirmed by the patient)</dd>
          <dt className="text-slate-600">Submitted</dt>
          <dd className="text-slate-900">{formWhen(s.submittedAt, zone)}</dd>
          <dt className="text-slate-600">Questionnaire</dt>
          <dd className="text-slate-900">Version {s.version}</dd>
        </dl>
      </header>
      <ol aria-label="Questions and answers" className="space-y-4">
        {s.answers.map((item, i) => (
          <li key={item.id} className="break-inside-avoid border-b border-slate-100 pb-3">
            <p className="text-sm font-medium text-slate-700">
              {i + 1}. {item.label}
            </p>
            {answerOf(item) ? (
              <p className="mt-1 text-base whitespace-pre-wrap text-slate-900">{answerOf(item)}</p>
            ) : (
              <p className="mt-1 text-sm text-slate-500 italic">Not answered</p>
            )}
          </li>
        ))}
      </ol>
      <section aria-labelledby="signature-heading" className="break-inside-avoid space-y-2">
        <h2 id="signature-heading" className="text-sm font-semibold text-slate-900">
          Signature
        </h2>
        {s.signature ? (
          // A data URL from the audited read; next/image would add nothing for an inline PNG.
          // biome-ignore lint/performance/noImgElement: inline data URL, not a remote image
          <img
            src={s.signature}
            alt={`Signature of ${s.patient.name}`}
            className="max-h-40 w-auto max-w-full rounded border border-slate-200 bg-white"
          />
        ) : (
          <p className="text-sm text-slate-600">The signature image could not be found in the file store.</p>
        )}
      </section>
    </article>
  );
}
