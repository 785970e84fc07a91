'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS } from '@carelane/core';
import Link from 'next/link';
import { channelNames, formWhen } from '@/components/forms/form-format';
import { FormStateBadge } from '@/components/forms/form-state-badge';

export type OverviewItem = RouterOutputs['forms']['overview']['items'][number];

const LINK = 'font-semibold text-teal-800 hover:underline focus-visible:outline-2 focus-visible:outline-teal-700';
const VIEW_BUTTON =
  'inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700';

function PatientCell({ item }: { item: OverviewItem }) {
  return (
    <>
      <Link href={`/patients/${item.patient.id}?tab=forms`} className={LINK}>
        {item.patient.name}
      </Link>
      <span className="block text-xs text-slate-600">{item.patient.mrn}</span>
    </>
  );
}

/** Why a link stopped, or how close it is to locking. */
function StateNote({ item }: { item: OverviewItem }) {
  if (item.state === 'locked') {
    return (
      <span className="block text-xs font-medium text-red-800">
        {FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS} wrong dates of birth
      </span>
    );
  }
  if ((item.state === 'sent' || item.state === 'opened') && item.failedBirthDateAttempts > 0) {
    const n = item.failedBirthDateAttempts;
    return <span className="block text-xs text-slate-700">{`${n} wrong date${n === 1 ? '' : 's'} of birth`}</span>;
  }
  return null;
}

function sentBy(item: OverviewItem): string {
  return item.sentVia.length ? `by ${item.createdBy}, ${channelNames(item.sentVia)}` : `by ${item.createdBy}`;
}

function ViewLink({ item, zone }: { item: OverviewItem; zone: string | undefined }) {
  if (!item.submissionId) return null;
  return (
    <Link href={`/patients/${item.patient.id}/forms/${item.submissionId}`} className={VIEW_BUTTON}>
      View
      <span className="sr-only">
        {' '}
        the submission of {item.patient.name}
        {item.submittedAt ? `, ${formWhen(item.submittedAt, zone)}` : ''}
      </span>
    </Link>
  );
}

const COLUMNS = ['Patient', 'State', 'Sent', 'Expires', 'Opened', 'Submitted'];
const dash = <span className="text-slate-400">—</span>;

/** The links as a table on wide screens and as cards on a phone; each names its patient first. */
export function FormRows({
  items,
  zone,
  canReadSubmissions,
}: {
  items: OverviewItem[];
  zone: string | undefined;
  canReadSubmissions: boolean;
}) {
  const when = (value: Date | null) => (value ? formWhen(value, zone) : dash);
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Form links</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col" className="px-4 py-2 font-semibold">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((item) => (
              <tr key={item.id} className="align-top">
                <td className="px-4 py-3">
                  <PatientCell item={item} />
                </td>
                <td className="px-4 py-3">
                  <FormStateBadge state={item.state} />
                  <StateNote item={item} />
                </td>
                <td className="px-4 py-3 text-slate-800">
                  {formWhen(item.createdAt, zone)}
                  <span className="block text-xs text-slate-600">{sentBy(item)}</span>
                </td>
                <td className="px-4 py-3 text-slate-800">{formWhen(item.expiresAt, zone)}</td>
                <td className="px-4 py-3 text-slate-800">{when(item.openedAt)}</td>
                <td className="px-4 py-3 text-slate-800">
                  <div className="flex flex-wrap items-center gap-2">
                    {when(item.submittedAt)}
                    {canReadSubmissions ? <ViewLink item={item} zone={zone} /> : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul aria-label="Form links" className="space-y-2 md:hidden">
        {items.map((item) => (
          <li key={item.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <PatientCell item={item} />
              </div>
              <div className="shrink-0 text-right">
                <FormStateBadge state={item.state} />
                <StateNote item={item} />
              </div>
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-800">
              <dt className="text-slate-600">Sent</dt>
              <dd>
                {formWhen(item.createdAt, zone)} {sentBy(item)}
              </dd>
              <dt className="text-slate-600">Expires</dt>
              <dd>{formWhen(item.expiresAt, zone)}</dd>
              {item.openedAt ? (
                <>
                  <dt className="text-slate-600">Opened</dt>
                  <dd>{formWhen(item.openedAt, zone)}</dd>
                </>
              ) : null}
              {item.submittedAt ? (
                <>
                  <dt className="text-slate-600">Submitted</dt>
                  <dd>{formWhen(item.submittedAt, zone)}</dd>
                </>
              ) : null}
            </dl>
            {canReadSubmissions ? <ViewLink item={item} zone={zone} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
