'use client';
import { Pill } from '@carelane/ui';
import Link from 'next/link';
import { type AuditEntry, fieldLabel, formatWhen, roleLabel, valueText } from './audit-format';

const COLUMNS = ['When', 'Who', 'What', 'Record', 'From', 'Changes'];

function Who({ entry }: { entry: AuditEntry }) {
  const role = roleLabel(entry.who.role);
  return (
    <span>
      <span className="text-slate-900">{entry.who.name}</span>
      {role ? <span className="block text-xs text-slate-600">{role}</span> : null}
    </span>
  );
}

function What({ entry }: { entry: AuditEntry }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span>{entry.what}</span>
      {entry.success ? null : <Pill tone="bg-red-100 text-red-900">Failed</Pill>}
    </span>
  );
}

function Record({ entry }: { entry: AuditEntry }) {
  const { record } = entry;
  const label = record.label === record.kind ? record.kind : record.label;
  return (
    <span>
      {record.href ? (
        <Link href={record.href} className="font-semibold text-teal-800 underline-offset-2 hover:underline">
          {label}
        </Link>
      ) : (
        <span className="text-slate-800">{label}</span>
      )}
      {record.label !== record.kind ? <span className="block text-xs text-slate-600">{record.kind}</span> : null}
    </span>
  );
}

/** What changed, field by field, folded away until asked for (a native disclosure: keyboard and screen readers). */
function Changes({ entry }: { entry: AuditEntry }) {
  const fields = Object.entries(entry.changes ?? {});
  if (fields.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <details className="group max-w-md">
      <summary className="cursor-pointer font-semibold text-teal-800 hover:underline focus-visible:outline-2 focus-visible:outline-teal-700">
        {fields.length === 1 ? '1 field' : `${fields.length} fields`}
        <span className="sr-only"> changed by {entry.what}</span>
      </summary>
      <dl className="mt-2 space-y-1.5">
        {fields.map(([field, change]) => (
          <div key={field}>
            <dt className="text-xs font-semibold text-slate-600">{fieldLabel(field)}</dt>
            <dd className="break-words text-slate-800">
              {'from' in change ? (
                <>
                  <span className="text-slate-600">{valueText(change.from)}</span>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only"> changed to </span>
                </>
              ) : null}
              <span>{valueText(change.to)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** The entries as a table from 640 px and as cards on a phone. */
export function AuditRows({ entries, zone }: { entries: AuditEntry[]; zone: string | undefined }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log entries, newest first</caption>
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
            {entries.map((entry) => (
              <tr key={entry.id} data-audit-id={entry.id} className="align-top">
                <td className="whitespace-nowrap px-4 py-3 tabular-nums text-slate-800">
                  {formatWhen(entry.at, zone)}
                </td>
                <td className="px-4 py-3">
                  <Who entry={entry} />
                </td>
                <td className="px-4 py-3 text-slate-800">
                  <What entry={entry} />
                </td>
                <td className="px-4 py-3">
                  <Record entry={entry} />
                </td>
                <td className="px-4 py-3 tabular-nums text-slate-600">{entry.ip ?? '—'}</td>
                <td className="px-4 py-3">
                  <Changes entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul aria-label="Audit log entries, newest first" className="space-y-2 sm:hidden">
        {entries.map((entry) => (
          <li
            key={entry.id}
            data-audit-id={entry.id}
            className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <span className="font-semibold text-slate-900">
                <What entry={entry} />
              </span>
              <span className="tabular-nums text-xs text-slate-600">{formatWhen(entry.at, zone)}</span>
            </div>
            <Who entry={entry} />
            <Record entry={entry} />
            {entry.ip ? <p className="text-xs text-slate-600">From {entry.ip}</p> : null}
            {entry.changes ? <Changes entry={entry} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
