'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, ErrorState, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { useQueryParams } from '@/components/use-query-params';
import { MappingStep } from './mapping-step';
import { ProgressStep } from './progress-step';
import { UploadStep } from './upload-step';

const STEPS = ['Upload', 'Match columns', 'Check', 'Import', 'Report'] as const;

function Steps({ current }: { current: number }) {
  return (
    <ol className="flex flex-wrap gap-2 text-sm" aria-label="Import steps">
      {STEPS.map((step, i) => (
        <li
          key={step}
          aria-current={i === current ? 'step' : undefined}
          className={
            i === current
              ? 'rounded-full bg-teal-700 px-3 py-1 font-semibold text-white'
              : i < current
                ? 'rounded-full bg-teal-50 px-3 py-1 text-teal-800'
                : 'rounded-full bg-slate-100 px-3 py-1 text-slate-600'
          }
        >
          {i + 1}. {step}
        </li>
      ))}
    </ol>
  );
}

/** Upload a spreadsheet, match its columns, check it, import it in the background, read the report. */
export function ImportWizard() {
  const [params, navigate] = useQueryParams();
  const id = params.get('id');
  const profile = trpc.me.profile.useQuery();
  const job = trpc.patientImports.byId.useQuery(
    { id: id ?? '' },
    {
      enabled: Boolean(id),
      // Poll while the worker runs it: the progress bar follows processedRows.
      refetchInterval: (query) => {
        const status = query.state.data?.status;
        return status === 'queued' || status === 'running' ? 1000 : false;
      },
    },
  );
  const allowed = profile.data?.permissions.includes('patients:import');
  const status = job.data?.status;
  const stepIndex = !id ? 0 : status === 'uploaded' ? 1 : status === 'queued' || status === 'running' ? 3 : 4;

  let body: React.ReactNode;
  if (profile.isLoading) body = <Skeleton className="h-40" />;
  else if (!allowed) body = <Alert>Your role does not allow importing patients.</Alert>;
  else if (!id) body = <UploadStep onUploaded={(newId) => navigate({ id: newId })} />;
  else if (job.isLoading) body = <Skeleton className="h-60" />;
  else if (job.error || !job.data) {
    body = (
      <ErrorState
        message={job.error ? errorMessage(job.error) : 'Import was not found.'}
        onRetry={() => job.refetch()}
      />
    );
  } else if (job.data.status === 'uploaded') body = <MappingStep job={job.data} onStarted={() => job.refetch()} />;
  else body = <ProgressStep job={job.data} onAnother={() => navigate({ id: undefined })} />;

  return (
    <div className="space-y-5">
      <div>
        <Link href="/patients" className="text-sm font-medium text-teal-800 hover:underline">
          ← Patients
        </Link>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Import patients</h1>
        <p className="max-w-2xl text-sm text-slate-600">
          Bring in a CSV or Excel sheet. Patients are matched on their phone number: someone already registered is
          updated, never added twice, so importing the same file again changes nothing.
        </p>
      </div>
      <Steps current={stepIndex} />
      {body}
    </div>
  );
}
