'use client';
import type { RouterInputs } from '@carelane/api/client';
import { trpc } from '@carelane/api/react';
import { Button, EmptyState, SelectField, TextField } from '@carelane/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { PagedList } from '@/components/paged-list';
import { PatientPicker } from '@/components/patient-picker';
import { useQueryParams } from '@/components/use-query-params';
import { FILTER_KEYS } from './audit-format';
import { AuditRows } from './audit-rows';

const PAGE = 50;

type Filters = Omit<RouterInputs['audit']['list'], 'cursor' | 'limit'>;

/** The filters from the query string; a value edited by hand into nonsense comes back as a field error. */
function filtersOf(params: URLSearchParams): Filters {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters as Filters;
}

const CLEARED = { actorId: '', patientId: '', patientName: '', action: '', entity: '', from: '', to: '' };

/** Who did what to which record, and when: the clinic's audit log with filters and a CSV export. */
export function AuditView() {
  const [params, navigate] = useQueryParams();
  const filters = filtersOf(params);
  const filtered = Object.keys(filters).length > 0;
  const profile = trpc.me.profile.useQuery();
  const zone = profile.data?.organization.zone;
  const options = trpc.audit.filters.useQuery();
  const list = trpc.audit.list.useInfiniteQuery(
    { ...filters, limit: PAGE },
    { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
  );
  const entries = list.data?.pages.flatMap((p) => p.entries) ?? [];
  const exportHref = `/api/audit/export?${new URLSearchParams(filters as Record<string, string>).toString()}`;
  const people = options.data?.people ?? [];
  const actions = options.data?.actions ?? [];
  // A value from the address that the lists do not hold (yet) still shows as chosen.
  const withChosen = (list: { value: string; label: string }[], chosen: string | undefined) =>
    chosen && !list.some((o) => o.value === chosen) ? [...list, { value: chosen, label: chosen }] : list;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Audit log</h1>
          <p className="max-w-2xl text-sm text-slate-600">
            Every change, sign-in and opened patient record: who, what, which record, when and from where. Entries
            cannot be edited or removed.
          </p>
        </div>
        <a
          href={exportHref}
          download
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-teal-700"
        >
          Export CSV<span className="sr-only"> of the entries shown</span>
        </a>
      </div>

      <search className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="sm:col-span-2 lg:col-span-3">
          <PatientPicker
            patient={
              filters.patientId ? { id: filters.patientId, name: params.get('patientName') ?? 'Chosen patient' } : null
            }
            onChange={(p) => navigate({ patientId: p?.id, patientName: p?.name })}
          />
        </div>
        <SelectField
          label="Person"
          options={withChosen(
            [
              { value: '', label: 'Anyone' },
              ...people.map((p) => ({ value: p.id, label: p.active ? p.name : `${p.name} (disabled)` })),
            ],
            filters.actorId,
          )}
          value={filters.actorId ?? ''}
          onChange={(e) => navigate({ actorId: e.target.value })}
        />
        <SelectField
          label="Action"
          options={withChosen([{ value: '', label: 'Any action' }, ...actions], filters.action)}
          value={filters.action ?? ''}
          onChange={(e) => navigate({ action: e.target.value })}
        />
        <SelectField
          label="Kind of record"
          options={withChosen([{ value: '', label: 'Any record' }, ...(options.data?.entities ?? [])], filters.entity)}
          value={filters.entity ?? ''}
          onChange={(e) => navigate({ entity: e.target.value })}
        />
        <TextField
          label="From"
          type="date"
          value={filters.from ?? ''}
          onChange={(e) => navigate({ from: e.target.value })}
        />
        <TextField label="To" type="date" value={filters.to ?? ''} onChange={(e) => navigate({ to: e.target.value })} />
        {filtered ? (
          <div className="flex items-end">
            <Button variant="ghost" onClick={() => navigate(CLEARED)}>
              Clear filters
            </Button>
          </div>
        ) : null}
      </search>

      <PagedList
        list={list}
        isEmpty={entries.length === 0}
        loadingLabel="Loading the audit log…"
        moreLabel="Load older entries"
        empty={
          <EmptyState title={filtered ? 'No entry matches' : 'Nothing recorded yet'}>
            {filtered
              ? 'Try another person, action or dates, or clear the filters.'
              : 'Sign-ins, changes and opened patient records appear here as they happen.'}
          </EmptyState>
        }
      >
        <AuditRows entries={entries} zone={zone} />
      </PagedList>
    </div>
  );
}
