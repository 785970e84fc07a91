'use client';
import { trpc } from '@carelane/api/react';
import { EmptyState } from '@carelane/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { PagedList } from '@/components/paged-list';
import { SearchField } from '@/components/search-field';
import { Tabs } from '@/components/tabs';
import { useQueryParams } from '@/components/use-query-params';
import { BILLING_TABS, tabOf } from './billing-format';
import { InvoiceRows } from './invoice-rows';
import { TakingsPanel } from './takings-panel';

const PAGE = 50;

const EMPTY: Record<string, string> = {
  outstanding: 'Nothing is owed: every issued invoice is paid.',
  draft: 'No drafts. Invoices are started from the patient’s Payments tab.',
  paid: 'No paid invoices yet.',
  void: 'No void invoices.',
  all: 'No invoices yet. Invoices are started from the patient’s Payments tab.',
};

/**
 * Every invoice of the clinic by where it stands, with a search by patient or invoice number, and
 * what came in today and this week. The desk chases the Outstanding tab.
 */
export function BillingOverview() {
  const [params, navigate] = useQueryParams();
  const tab = tabOf(params.get('tab'));
  const q = params.get('q') ?? '';
  const profile = trpc.me.profile.useQuery();
  const zone = profile.data?.organization.zone;

  const list = trpc.invoices.list.useInfiniteQuery(
    { tab, limit: PAGE, ...(q ? { search: q } : {}) },
    { getNextPageParam: (last) => last.nextCursor ?? undefined, placeholderData: keepPreviousData },
  );
  const counts = list.data?.pages[0]?.counts;
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  const tabs = BILLING_TABS.map((t) => ({ id: t.id, label: counts ? `${t.label} (${counts[t.id]})` : t.label }));

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Billing</h1>
        <p className="max-w-2xl text-sm text-slate-600">
          Every invoice of the clinic and what is still owed, and the money taken at the desk and online.
        </p>
      </div>

      <TakingsPanel zone={zone} />

      <search>
        <SearchField
          label="Search invoices"
          placeholder="Patient name, record number or invoice number"
          current={q}
          onSearch={(next) => navigate({ q: next })}
        />
      </search>

      <Tabs
        label="Invoices by status"
        keepSelectedInView
        tabs={tabs}
        selected={tab}
        onSelect={(id) => navigate({ tab: id })}
      >
        <PagedList
          list={list}
          isEmpty={rows.length === 0}
          loadingLabel="Loading invoices…"
          rowHeight="h-14"
          empty={
            <EmptyState title={q ? 'No invoice matches' : 'No invoices here'}>
              {q ? 'Try fewer letters of the name, the record number, or the invoice number.' : EMPTY[tab]}
            </EmptyState>
          }
        >
          <InvoiceRows rows={rows} zone={zone} />
        </PagedList>
      </Tabs>
    </div>
  );
}
