'use client';
import { trpc } from '@carelane/api/react';
import { STAFF_ROLE_LABELS } from '@carelane/core';
import { EmptyState } from '@carelane/ui';
import { keepPreviousData } from '@tanstack/react-query';
import Link from 'next/link';
import { PagedList } from '@/components/paged-list';

const PAGE = 20;

/** "7 Dec 2026, 2:05 pm" in the clinic's zone. */
function when(instant: Date, zone: string | undefined): string {
  return new Intl.DateTimeFormat('en-IN', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone ?? 'UTC',
  }).format(new Date(instant));
}

/**
 * Who opened or downloaded this patient's record, their notes, bills and forms, latest first
 * (for the roles that read the audit log). Opening this tab is itself such a read: the record was
 * opened to get here.
 */
export function OpenedByTab({ patientId, zone }: { patientId: string; zone: string | undefined }) {
  const list = trpc.audit.patientAccess.useInfiniteQuery(
    { patientId, limit: PAGE },
    { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
  );
  const entries = list.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">Everyone who opened or downloaded this patient’s data, latest first.</p>
        <Link
          href={`/audit?${new URLSearchParams({ patientId }).toString()}`}
          className="text-sm font-semibold text-teal-800 underline"
        >
          Everything about this patient in the audit log
        </Link>
      </div>
      <PagedList
        list={list}
        isEmpty={entries.length === 0}
        loadingLabel="Loading who opened this record…"
        moreLabel="Show earlier"
        empty={
          <EmptyState title="Nobody has opened this record yet">
            Each time someone opens it, it is listed here.
          </EmptyState>
        }
      >
        <ul aria-label="Opened by" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {entries.map((entry) => (
            <li
              key={entry.id}
              className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm"
            >
              <div>
                <span className="font-semibold text-slate-900">{entry.who.name}</span>
                {entry.who.role ? <span className="text-slate-600"> · {STAFF_ROLE_LABELS[entry.who.role]}</span> : null}
                <span className="block text-slate-700">
                  {entry.what}
                  {entry.record.entity !== 'patient' ? ` · ${entry.record.kind}` : ''}
                  {entry.ip ? <span className="text-slate-500"> · from {entry.ip}</span> : null}
                </span>
              </div>
              <span className="tabular-nums text-slate-600">{when(entry.at, zone)}</span>
            </li>
          ))}
        </ul>
      </PagedList>
    </div>
  );
}
