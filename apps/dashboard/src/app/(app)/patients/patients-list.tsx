'use client';
import { trpc } from '@carelane/api/react';
import { TextField } from '@carelane/ui';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useQueryParams } from '@/components/use-query-params';
import { FilterBar } from './filter-bar';
import { clearedFilters, exportQuery, readFilters } from './filters';
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

  // Search as you type: the box answers at once, the query string (and so the list) a moment later.
  const [text, setText] = useState(filters.q ?? '');
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  useEffect(() => {
    const next = text.trim();
    if (next === (filters.q ?? '')) return;
    const timer = setTimeout(() => navigateRef.current({ q: next, sort: undefined, dir: undefined }), 250);
    return () => clearTimeout(timer);
  }, [text, filters.q]);

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
          <details className="relative">
            <summary
              className={`${LINK_BUTTON} cursor-pointer list-none border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
            >
              Export
            </summary>
            <div className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
              {(['csv', 'xlsx'] as const).map((format) => (
                <a
                  key={format}
                  href={`/api/patients/export?${exportQuery(filters, format)}`}
                  // A download leaves the page as it was; close the menu so it does not hang open.
                  onClick={(e) => e.currentTarget.closest('details')?.removeAttribute('open')}
                  className="block rounded px-3 py-2 text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-700"
                >
                  This list as {format.toUpperCase()}
                </a>
              ))}
            </div>
          </details>
        </div>
      </div>

      <StatsCards />

      <search className="space-y-3">
        <TextField
          label="Search patients"
          type="search"
          placeholder="Name, phone, email or record number"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          maxLength={80}
        />
        <FilterBar filters={filters} navigate={navigate} />
      </search>

      <PatientRows filters={filters} onClearFilters={() => navigate(clearedFilters())} />
    </div>
  );
}
