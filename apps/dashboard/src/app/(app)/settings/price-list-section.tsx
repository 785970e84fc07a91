'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { basisPointsToText, formatMoney } from '@carelane/core';
import { Alert, Badge, Button, Card, EmptyState, ErrorState, Skeleton, TextField } from '@carelane/ui';
import { useRef, useState } from 'react';
import { ProcedureDialog } from './procedure-dialog';
import { matchesSearch, type ProcedureRow } from './procedure-values';

const TH = 'px-4 py-3 font-semibold';

/** The organization's price list of procedures; admins and managers add and edit them. */
export function PriceListSection({ canManage, currency }: { canManage: boolean; currency: string | undefined }) {
  const procedures = trpc.procedures.list.useQuery({ includeInactive: true });
  const [search, setSearch] = useState('');
  // undefined: closed; null: adding; a row: editing it.
  const [editing, setEditing] = useState<ProcedureRow | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  function open(procedure: ProcedureRow | null) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setNotice(null);
    setEditing(procedure);
  }

  function closed(saved: string | null) {
    setEditing(undefined);
    if (saved) setNotice(`Saved ${saved}.`);
    requestAnimationFrame(() => opener.current?.focus());
  }

  const all = procedures.data ?? [];
  const shown = all.filter((p) => matchesSearch(p, search));
  const addButton = canManage && currency ? <Button onClick={() => open(null)}>Add procedure</Button> : null;

  return (
    <section aria-labelledby="price-list-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="price-list-heading" className="text-lg font-semibold text-slate-900">
            Price list
          </h2>
          <p className="text-sm text-slate-600">
            The treatments you charge for, with their price before tax and GST rate.
            {canManage ? null : ' An admin or manager changes them.'}
          </p>
        </div>
        {all.length > 0 ? addButton : null}
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {procedures.error ? (
        <ErrorState message={errorMessage(procedures.error)} onRetry={() => void procedures.refetch()} />
      ) : !procedures.data ? (
        <div className="space-y-2" role="status" aria-label="Loading the price list">
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : all.length === 0 ? (
        <EmptyState title="No procedures yet - add the treatments you charge for" action={addButton ?? undefined}>
          {canManage ? 'Treatments and invoices pick their prices from this list.' : 'An admin or manager adds them.'}
        </EmptyState>
      ) : (
        <>
          <div className="max-w-sm">
            <TextField
              label="Search the price list"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Name or code"
              autoComplete="off"
            />
          </div>
          <p className="sr-only" aria-live="polite">
            {search ? `${shown.length} of ${all.length} procedures match.` : ''}
          </p>
          {shown.length === 0 ? (
            <EmptyState title="No procedure matches">Try part of the name or the code.</EmptyState>
          ) : (
            <Card className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">
                  Price list, {all.filter((p) => p.active).length} active and {all.filter((p) => !p.active).length}{' '}
                  retired
                </caption>
                <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className={TH}>
                      Procedure
                    </th>
                    <th scope="col" className={`${TH} hidden sm:table-cell`}>
                      Code
                    </th>
                    <th scope="col" className={`${TH} text-right`}>
                      Price
                    </th>
                    <th scope="col" className={`${TH} text-right`}>
                      GST
                    </th>
                    <th scope="col" className={TH}>
                      Status
                    </th>
                    {canManage ? (
                      <th scope="col" className={TH}>
                        <span className="sr-only">Actions</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {shown.map((p) => (
                    <tr key={p.id} className={p.active ? undefined : 'bg-slate-50 text-slate-600'}>
                      <th scope="row" className="px-4 py-3 font-medium">
                        <span className={p.active ? 'text-slate-900' : undefined}>{p.name}</span>
                        {p.code ? (
                          <span className="mt-0.5 block text-xs font-normal text-slate-600 sm:hidden">{p.code}</span>
                        ) : null}
                      </th>
                      <td className="hidden px-4 py-3 font-mono text-xs sm:table-cell">{p.code ?? '—'}</td>
                      <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
                        {formatMoney(p.priceMinor, p.currency)}
                      </td>
                      <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
                        {basisPointsToText(p.taxRateBasisPoints)} %
                      </td>
                      <td className="px-4 py-3">
                        {p.active ? <Badge tone="success">Active</Badge> : <Badge>Retired</Badge>}
                      </td>
                      {canManage ? (
                        <td className="px-4 py-2 text-right">
                          <Button variant="secondary" onClick={() => open(p)}>
                            Edit<span className="sr-only"> {p.name}</span>
                          </Button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          )}
        </>
      )}
      {editing !== undefined && currency ? (
        <ProcedureDialog procedure={editing} currency={editing?.currency ?? currency} onClose={closed} />
      ) : null}
    </section>
  );
}
