'use client';
import { trpc } from '@carelane/api/react';
import { EmptyState } from '@carelane/ui';
import { keepPreviousData } from '@tanstack/react-query';
import Link from 'next/link';
import { PagedList } from '@/components/paged-list';
import { SearchField } from '@/components/search-field';
import { Tabs } from '@/components/tabs';
import { useQueryParams } from '@/components/use-query-params';
import { FormRows } from './form-rows';
import { VIEWS, viewCount, viewOf } from './views';

const PAGE = 50;

/**
 * Every form link of the clinic: where each stands, by tab, with a search by patient. The front
 * desk chases the waiting ones and resends locked or expired ones from the patient's Forms tab.
 */
export function FormsOverview() {
  const [params, navigate] = useQueryParams();
  const view = viewOf(params.get('tab'));
  const q = params.get('q') ?? '';
  const profile = trpc.me.profile.useQuery();
  const permissions = profile.data?.permissions ?? [];
  const zone = profile.data?.organization.zone;

  const list = trpc.forms.overview.useInfiniteQuery(
    { limit: PAGE, ...(view.states ? { state: [...view.states] } : {}), ...(q ? { q } : {}) },
    { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
  );
  const counts = list.data?.pages[0]?.counts;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const tabs = VIEWS.map((v) => ({ id: v.id, label: counts ? `${v.label} (${viewCount(v, counts)})` : v.label }));

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Forms</h1>
          <p className="max-w-2xl text-sm text-slate-600">
            Every medical-history link the clinic has sent, and where each stands. Send a new one from the patient’s
            Forms tab.
          </p>
        </div>
        {permissions.includes('questionnaire:manage') ? (
          <Link
            href="/settings/questionnaire"
            className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
          >
            Edit the questions
          </Link>
        ) : null}
      </div>

      <search>
        <SearchField
          label="Search by patient"
          placeholder="Name or record number"
          current={q}
          onSearch={(next) => navigate({ q: next })}
        />
      </search>

      <Tabs
        label="Form links by state"
        keepSelectedInView
        tabs={tabs}
        selected={view.id}
        onSelect={(id) => navigate({ tab: id })}
      >
        <PagedList
          list={list}
          isEmpty={items.length === 0}
          loadingLabel="Loading form links…"
          rowHeight="h-14"
          empty={
            <EmptyState
              title={
                q ? 'No form link matches' : `No ${view.id === 'all' ? '' : `${view.label.toLowerCase()} `}form links`
              }
            >
              {q
                ? 'Try fewer letters of the name, or the record number.'
                : 'Links appear here once someone sends a patient a form from the patient’s Forms tab.'}
            </EmptyState>
          }
        >
          <FormRows items={items} zone={zone} canReadSubmissions={permissions.includes('form_submissions:read')} />
        </PagedList>
      </Tabs>
    </div>
  );
}
