'use client';
import { trpc } from '@carelane/api/react';
import Link from 'next/link';
import { SearchField } from '@/components/search-field';
import { useQueryParams } from '@/components/use-query-params';
import { ExportMenu } from './export-menu';
import { FilterBar } from './filter-bar';
import { clearedFilters, readFilters } from './filters';
import { PatientRows } from './patient-rows';
import { StatsCards } from './stats-cards';

const LINK_BUTTON =
  'inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700';

/** The registry: one search box, filter chips, figures, and every matching patient in one scrolling list. */
export function PatientsList() {
  const [params, navigate] = useQueryParams();
  const filters = readFilters(params);
  const profile = trpc.me.profile.useQuery();
  const canWrite = profile.data?.permissions.includes('patients:write') ?? false;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Patients</h1>
          <p className="max-w-2xl text-sm text-slate-600">
            Find anyone by part of a name (spelling mistakes are fine), phone digits, email or record number.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canWrite ? (
            <>
              <Link href="/patients/new" className={`${LINK_BUTTON} bg-teal-700 text-white hover:bg-teal-800`}>
                New patient
              </Link>
              <Link
                href="/patients/import"
                className={`${LINK_BUTTON} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
              >
                Import
              </Link>
            </>
          ) : null}
          <ExportMenu
            filters={filters}
            buttonClassName={`${LINK_BUTTON} cursor-pointer border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
          />
        </div>
      </div>

      <StatsCards />

      <search className="space-y-3">
        <SearchField
          label="Search patients"
          placeholder="Name, phone, email or record number"
          current={filters.q ?? ''}
          onSearch={(next) => navigate({ q: next, sort: undefined, dir: undefined })}
        />
        <FilterBar filters={filters} navigate={navigate} />
      </search>

      <PatientRows filters={filters} onClearFilters={() => navigate(clearedFilters())} />
    </div>
  );
}
