'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatPhone, fullName } from '@carelane/core';
import { Button, EmptyState, ErrorState, Loading, Skeleton } from '@carelane/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useQueryParams } from '@/components/use-query-params';
import { activeFilterCount, defaultOrder, type PatientFilters, type Sort } from './filters';
import { ageOn, shortDate } from './format';

const PAGE = 50;
const number = new Intl.NumberFormat('en-IN');
// Name, phone, age/sex, last visit, next visit; on a phone only the first two, stacked.
const GRID = 'grid grid-cols-1 gap-x-4 px-4 md:grid-cols-[minmax(12rem,2fr)_minmax(9rem,1fr)_6rem_7rem_7rem]';

function SortHeader({ label, sort, filters }: { label: string; sort: Sort; filters: PatientFilters }) {
  const [, navigate] = useQueryParams();
  const active = filters.sort === sort;
  const next = active ? (filters.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort);
  return (
    <div>
      <button
        type="button"
        onClick={() => navigate({ sort, dir: next })}
        className="inline-flex items-center gap-1 rounded text-left font-semibold hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-700"
      >
        {label}
        <span className="sr-only">
          {active ? `, sorted ${filters.order === 'asc' ? 'ascending' : 'descending'}` : ', sort by this'}
        </span>
        <span aria-hidden="true" className={active ? 'text-teal-700' : 'text-slate-300'}>
          {active && filters.order === 'desc' ? '▼' : '▲'}
        </span>
      </button>
    </div>
  );
}

/** The count input: the list's filters without its order. */
function countInput({ sort: _sort, order: _order, ...filters }: PatientFilters) {
  return filters;
}

/** "1 patient", "1,000+ patients"; before the count arrives, what is loaded. */
function countText(counted: { count: number; capped: boolean } | undefined, loaded: number, more: boolean): string {
  if (!counted)
    return more
      ? `${number.format(loaded)}+ patients`
      : loaded === 1
        ? '1 patient'
        : `${number.format(loaded)} patients`;
  if (counted.capped) return `${number.format(counted.count)}+ patients`;
  return counted.count === 1 ? '1 patient' : `${number.format(counted.count)} patients`;
}

/** Every matching patient in one list that draws only the rows on screen and loads more as it scrolls. */
export function PatientRows({ filters, onClearFilters }: { filters: PatientFilters; onClearFilters: () => void }) {
  const list = trpc.patients.list.useInfiniteQuery(
    { ...filters, limit: PAGE },
    {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      // Keep showing the last answer while the next search runs, so the rows do not flash away per key.
      placeholderData: keepPreviousData,
    },
  );
  // The count arrives on its own: a page of a large list is quicker than counting it.
  const counted = trpc.patients.count.useQuery(countInput(filters), { placeholderData: keepPreviousData });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const hasMore = Boolean(list.hasNextPage);

  const listRef = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    setOffset(listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0);
  });
  const virtualizer = useWindowVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    estimateSize: () => 64,
    overscan: 8,
    scrollMargin: offset,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !list.isFetchingNextPage && lastIndex >= items.length - 10) void list.fetchNextPage();
  }, [hasMore, list.isFetchingNextPage, lastIndex, items.length, list.fetchNextPage]);

  if (list.error && !list.data) {
    return <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />;
  }
  if (!list.data) {
    return (
      <Loading label="Loading patients…" className="space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to tell them apart
          <Skeleton key={i} className="h-14" />
        ))}
      </Loading>
    );
  }
  const narrowed = Boolean(filters.q) || activeFilterCount(filters) > 0;
  const today = new Date();

  return (
    <section aria-label="Patients found" className="space-y-2">
      <p className="text-sm text-slate-600" role="status">
        {countText(counted.data, items.length, hasMore)}
        {filters.q ? ` for “${filters.q}”` : ''}
        {list.isPlaceholderData ? ' · searching…' : ''}
      </p>
      {items.length === 0 ? (
        narrowed ? (
          <EmptyState
            title="No patient matches"
            action={
              activeFilterCount(filters) ? (
                <Button variant="secondary" onClick={onClearFilters}>
                  Clear filters
                </Button>
              ) : undefined
            }
          >
            Try fewer letters, the last digits of the phone, or fewer filters.
            {/* An archived patient is the usual reason a known name finds nothing. */}
            {filters.status === 'active'
              ? ' Archived patients show under Filters, “Show archived patients instead”.'
              : ''}
          </EmptyState>
        ) : (
          <EmptyState title={filters.status === 'archived' ? 'No archived patients' : 'No patients yet'}>
            Add a patient, or import the spreadsheet the clinic already keeps.
          </EmptyState>
        )
      ) : (
        <div className={`rounded-lg border border-slate-200 bg-white ${list.isPlaceholderData ? 'opacity-70' : ''}`}>
          {/* Column titles that sort; each row below is one link, read as a whole. */}
          <div className="sticky top-0 z-10 hidden border-b border-slate-200 bg-slate-50 md:block">
            <div className={`${GRID} py-2 text-sm text-slate-600`}>
              <SortHeader label="Name" sort="name" filters={filters} />
              <div aria-hidden="true">Phone</div>
              <div aria-hidden="true">Age · sex</div>
              <SortHeader label="Last visit" sort="lastVisit" filters={filters} />
              <div aria-hidden="true">Next visit</div>
            </div>
          </div>
          <ul aria-label="Patients" ref={listRef} className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {rows.map((row) => {
              const p = items[row.index];
              return (
                <li
                  key={row.key}
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  // -1: the list's length is not known yet (ARIA).
                  aria-setsize={counted.data && !counted.data.capped ? counted.data.count : -1}
                  aria-posinset={row.index + 1}
                  className="absolute top-0 left-0 w-full border-b border-slate-100"
                  style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
                >
                  {p ? (
                    <div className={`${GRID} relative py-3 text-sm hover:bg-slate-50 md:items-center`}>
                      <div className="min-w-0">
                        {/* The link covers the whole row, so a click anywhere or Enter on it opens the patient. */}
                        <Link
                          href={`/patients/${p.id}`}
                          className="font-semibold text-slate-900 after:absolute after:inset-0 focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-teal-700"
                        >
                          {fullName(p)}
                        </Link>
                        <span className="block text-xs text-slate-600">
                          {p.mrn}
                          {p.tags.length ? ` · ${p.tags.join(', ')}` : ''}
                        </span>
                      </div>
                      <div className="text-slate-800 tabular-nums">
                        {p.phone ? formatPhone(p.phone) : <span className="text-slate-500">No phone</span>}
                      </div>
                      <div className="hidden text-slate-700 md:block">
                        {[ageOn(p.birthDate, today), p.sex && p.sex !== 'unknown' ? p.sex[0]?.toUpperCase() : null]
                          .filter(Boolean)
                          .join(' · ') || '—'}
                      </div>
                      <div className="hidden text-slate-700 md:block">{shortDate(p.lastVisitAt) ?? '—'}</div>
                      <div className="hidden text-slate-700 md:block">{shortDate(p.nextVisitAt) ?? '—'}</div>
                    </div>
                  ) : (
                    <div className="px-4 py-3 text-sm text-slate-600">Loading more…</div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
