'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { Alert, Button, Card } from '@carelane/ui';
import Link from 'next/link';

type Job = RouterOutputs['patientImports']['byId'];

/** The worker's progress while it runs, then what it did and the report of skipped rows. */
export function ProgressStep({ job, onAnother }: { job: Job; onAnother: () => void }) {
  const total = job.totalRows ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((job.processedRows / total) * 100)) : 0;
  const done = job.status === 'completed' || job.status === 'failed';
  return (
    <Card className="space-y-4 p-5">
      <h2 className="text-lg font-semibold text-slate-900">
        {done ? (job.status === 'completed' ? 'Import finished' : 'Import stopped') : `Importing ${job.fileName}`}
      </h2>
      <div className="space-y-1">
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={done && job.status === 'completed' ? 100 : percent}
          className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className="h-full bg-teal-700 transition-[width]"
            style={{ width: `${done && job.status === 'completed' ? 100 : percent}%` }}
          />
        </div>
        <p className="text-sm text-slate-600" aria-live="polite">
          {job.status === 'queued'
            ? 'Waiting for the worker to start…'
            : `${job.processedRows.toLocaleString()} of ${total.toLocaleString()} rows`}
        </p>
      </div>
      {job.status === 'failed' ? <Alert>{job.error ?? 'The import stopped.'}</Alert> : null}
      {done ? (
        <section aria-labelledby="report-title" className="space-y-3">
          <h3 id="report-title" className="font-semibold text-slate-900">
            Report
          </h3>
          <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            <li>
              <strong className="block text-xl">{job.created.toLocaleString()}</strong> new patients
            </li>
            <li>
              <strong className="block text-xl">{job.updated.toLocaleString()}</strong> updated
            </li>
            <li>
              <strong className="block text-xl">{job.unchanged.toLocaleString()}</strong> already up to date
            </li>
            <li>
              <strong className="block text-xl">{job.skipped.toLocaleString()}</strong> skipped
            </li>
          </ul>
          {job.warned > 0 ? (
            <p className="text-sm text-slate-600">
              {job.warned.toLocaleString()} imported with a value the import could not read left blank; the rows are in
              the report.
            </p>
          ) : null}
          <div className="flex flex-wrap gap-3">
            {job.skipped + job.warned > 0 ? (
              <a
                href={`/api/patient-imports/report?id=${job.id}`}
                download
                className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
              >
                Download skipped rows (CSV)
              </a>
            ) : null}
            <Link
              href="/patients"
              className="inline-flex min-h-10 items-center rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800"
            >
              Go to patients
            </Link>
            <Button variant="ghost" onClick={onAnother}>
              Import another file
            </Button>
          </div>
        </section>
      ) : null}
    </Card>
  );
}
