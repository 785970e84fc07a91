'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, Card, SelectField } from '@carelane/ui';
import { useState } from 'react';

type Job = RouterOutputs['patientImports']['byId'];
type DryRun = RouterOutputs['patientImports']['dryRun'];
type Mapping = Record<string, number>;

const ACTION_LABELS = { create: 'New patient', update: 'Update', unchanged: 'No change' } as const;

function Count({ label, value, tone }: { label: string; value: number; tone?: 'bad' }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white p-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd
        className={
          tone === 'bad' && value > 0 ? 'text-2xl font-bold text-red-800' : 'text-2xl font-bold text-slate-900'
        }
      >
        {value.toLocaleString()}
      </dd>
    </div>
  );
}

/** Rows of the file by number, with what the import makes of them. */
function RowsTable({ caption, rows }: { caption: string; rows: { row: number; reasons: string }[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold text-slate-800">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-1 pr-4">
              Row
            </th>
            <th scope="col" className="py-1">
              Reason
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.row} className="border-b border-slate-100">
              <td className="py-1 pr-4 tabular-nums">{p.row}</td>
              <td className="py-1">{p.reasons}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DryRunResult({ result }: { result: DryRun }) {
  const { counts, problems, warnings, preview } = result;
  return (
    <section aria-labelledby="dry-run-title" className="space-y-4">
      <h2 id="dry-run-title" className="text-lg font-semibold text-slate-900">
        What the import will do
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Count label="New patients" value={counts.create} />
        <Count label="Updated" value={counts.update} />
        <Count label="Already up to date" value={counts.unchanged} />
        <Count label="Skipped rows" value={counts.skip} tone="bad" />
      </dl>
      <p className="text-sm text-slate-600">
        {counts.rows.toLocaleString()} rows read, {counts.blank.toLocaleString()} blank.
      </p>
      {problems.length > 0 ? (
        <RowsTable
          caption={`Rows that will be skipped${counts.skip > problems.length ? ` (first ${problems.length})` : ''}`}
          rows={problems}
        />
      ) : null}
      {warnings.length > 0 ? (
        <RowsTable
          caption={`Rows imported with fields left blank${counts.warned > warnings.length ? ` (first ${warnings.length})` : ''}`}
          rows={warnings}
        />
      ) : null}
      {preview.length > 0 ? (
        <ul
          className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white text-sm"
          aria-label="First rows"
        >
          {preview.map((p) => (
            <li key={p.row} className="flex justify-between px-3 py-1.5">
              <span>
                <span className="mr-2 text-slate-500 tabular-nums">Row {p.row}</span>
                {p.name}
              </span>
              <span className="text-slate-600">{ACTION_LABELS[p.action]}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Choose which column fills which field, check the whole file, then start the import. */
export function MappingStep({ job, onStarted }: { job: Job; onStarted: () => void }) {
  const [mapping, setMapping] = useState<Mapping>(job.mapping as Mapping);
  const [result, setResult] = useState<DryRun | null>(null);
  const dryRun = trpc.patientImports.dryRun.useMutation({ onSuccess: setResult });
  const start = trpc.patientImports.start.useMutation({ onSuccess: onStarted });
  const columns = [
    { value: '', label: 'Not imported' },
    ...job.headers.map((h, i) => ({ value: String(i), label: h || `Column ${i + 1}` })),
  ];

  function choose(field: string, value: string) {
    setResult(null);
    setMapping((current) => {
      const next = { ...current };
      if (value === '') delete next[field];
      else next[field] = Number(value);
      return next;
    });
  }

  const toImport = result ? result.counts.create + result.counts.update : 0;
  return (
    <div className="space-y-5">
      <Card className="space-y-4 p-5">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">Match the columns of {job.fileName}</h2>
          <p className="text-sm text-slate-600">
            {job.headerRow !== null ? `Headers found on row ${job.headerRow + 1}. ` : ''}Name and phone are needed.
          </p>
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {job.fields.map(({ field, label }) => (
            <SelectField
              key={field}
              label={label}
              value={mapping[field] === undefined ? '' : String(mapping[field])}
              onChange={(e) => choose(field, e.target.value)}
              options={columns}
            />
          ))}
        </div>
        {dryRun.error ? <Alert>{errorMessage(dryRun.error)}</Alert> : null}
        <Button
          variant={result ? 'secondary' : 'primary'}
          busy={dryRun.isPending}
          onClick={() => dryRun.mutate({ id: job.id, mapping })}
        >
          Check the file
        </Button>
      </Card>
      {result ? (
        <Card className="space-y-4 p-5">
          <DryRunResult result={result} />
          {start.error ? <Alert>{errorMessage(start.error)}</Alert> : null}
          {toImport > 0 ? (
            <Button busy={start.isPending} onClick={() => start.mutate({ id: job.id })}>
              Import {toImport.toLocaleString()} {toImport === 1 ? 'patient' : 'patients'}
            </Button>
          ) : (
            <Alert tone="info">Nothing to import: every row is skipped or already up to date.</Alert>
          )}
        </Card>
      ) : null}
    </div>
  );
}
