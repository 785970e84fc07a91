'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, EmptyState, ErrorState, Loading, SelectField, Skeleton } from '@carelane/ui';
import { useRef, useState } from 'react';
import { useQueryParams } from '@/components/use-query-params';
import { AddDialog } from './add-dialog';
import { EntryCard } from './entry-card';
import { STATUS_LABELS, type WaitlistEntry } from './format';
import { RemoveDialog } from './remove-dialog';

const STATUSES = Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>;
const isStatus = (value: string | null): value is WaitlistEntry['status'] =>
  STATUSES.includes(value as WaitlistEntry['status']);

/** Who is waiting for a freed time, filtered by clinician, specialisation and status; add and remove. */
export function WaitlistBoard() {
  const [params, navigate] = useQueryParams();
  const statusParam = params.get('status');
  const input = {
    clinicianId: params.get('clinician') ?? undefined,
    specialisation: params.get('specialisation') ?? undefined,
    status: isStatus(statusParam) ? statusParam : 'waiting',
  } as const;
  const filtered = Boolean(input.clinicianId || input.specialisation || input.status !== 'waiting');
  const profile = trpc.me.profile.useQuery();
  const list = trpc.waitlist.list.useQuery(input, { refetchInterval: 60_000 });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<WaitlistEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const canWrite = profile.data?.permissions.includes('appointments:write') ?? false;
  const zone = profile.data?.organization.zone;
  const filters = list.data?.filters;

  // A dialog that closes with news: show it where focus can land, since the button that opened it may be gone.
  function closeWith(message: string | null) {
    if (!message) return;
    setNotice(message);
    requestAnimationFrame(() => noticeRef.current?.focus());
  }

  const addButton =
    canWrite && filters && zone ? (
      <Button
        onClick={() => {
          setNotice(null);
          setAdding(true);
        }}
      >
        Add to waitlist
      </Button>
    ) : null;
  const now = new Date();

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Waitlist</h1>
          <p className="max-w-2xl text-sm text-slate-600">
            Patients who want an earlier or any free time. When one frees up, the first three who fit are offered it by
            message; the first to book it gets it.
          </p>
        </div>
        {addButton}
      </div>

      <div ref={noticeRef} tabIndex={-1} className="focus:outline-none" aria-live="polite">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
      </div>

      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="sr-only">Filter the waitlist</legend>
        <SelectField
          label="Clinician"
          value={input.clinicianId ?? ''}
          onChange={(e) => navigate({ clinician: e.target.value })}
          options={[
            { value: '', label: 'All clinicians' },
            ...(filters?.clinicians ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
          className="w-full sm:w-56"
        />
        <SelectField
          label="Specialisation"
          value={input.specialisation ?? ''}
          onChange={(e) => navigate({ specialisation: e.target.value })}
          options={[
            { value: '', label: 'All specialisations' },
            ...(filters?.specialisations ?? []).map((s) => ({ value: s, label: s })),
          ]}
          className="w-full sm:w-56"
        />
        <SelectField
          label="Status"
          value={input.status}
          onChange={(e) => navigate({ status: e.target.value === 'waiting' ? undefined : e.target.value })}
          options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          className="w-full sm:w-44"
        />
        {filtered ? (
          <Button
            variant="ghost"
            onClick={() => navigate({ clinician: undefined, specialisation: undefined, status: undefined })}
          >
            Clear filters
          </Button>
        ) : null}
      </fieldset>

      {list.error ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : !list.data || !zone ? (
        <Loading label="Loading the waitlist…" className="space-y-3">
          <Skeleton className="h-36" />
          <Skeleton className="h-36" />
          <Skeleton className="h-36" />
        </Loading>
      ) : list.data.entries.length === 0 ? (
        filtered ? (
          <EmptyState title="No one matches these filters">
            Try all clinicians and specialisations, or another status.
          </EmptyState>
        ) : (
          <EmptyState title="No one is waiting">
            Add a patient who would like an earlier time; they are offered the first freed time that fits.
          </EmptyState>
        )
      ) : (
        <section aria-label="Waitlist entries" className="space-y-3">
          <p className="text-sm text-slate-600">
            {list.data.entries.length === 1 ? '1 patient' : `${list.data.entries.length} patients`}
            {input.status === 'waiting' ? ', first in line first' : ', newest first'}
          </p>
          <ul className="space-y-3">
            {list.data.entries.map((entry) => (
              <li key={entry.id}>
                <EntryCard
                  entry={entry}
                  now={now}
                  zone={zone}
                  onRemove={
                    canWrite && entry.status === 'waiting'
                      ? (e) => {
                          setNotice(null);
                          setRemoving(e);
                        }
                      : null
                  }
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {adding && filters && zone ? (
        <AddDialog
          clinicians={filters.clinicians}
          specialisations={filters.specialisations}
          zone={zone}
          initialClinicianId={input.clinicianId}
          onClose={(message) => {
            setAdding(false);
            closeWith(message);
          }}
        />
      ) : null}
      {removing ? (
        <RemoveDialog
          entry={removing}
          onClose={(message) => {
            setRemoving(null);
            closeWith(message);
          }}
        />
      ) : null}
    </div>
  );
}
