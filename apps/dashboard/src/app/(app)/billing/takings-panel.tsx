'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { errorMessage, trpc } from '@carelane/api/react';
import { addLocalDays, formatMoney, localDate } from '@carelane/core';
import { ErrorState, Loading, Skeleton } from '@carelane/ui';
import { formatDay } from '@/components/format-day';

type Method = { method: string; label: string; receivedMinor: number; refundedMinor: number; netMinor: number };

/** Each method's net takings, with what was given back beside it when anything was. */
function MethodList({ methods, currency, label }: { methods: Method[]; currency: string; label: string }) {
  if (methods.length === 0) return <p className="text-sm text-slate-600">Nothing taken.</p>;
  return (
    <ul aria-label={label} className="space-y-1 text-sm">
      {methods.map((m) => (
        <li key={m.method} className="flex justify-between gap-3">
          <span className="text-slate-700">{m.label}</span>
          <span className="text-right tabular-nums text-slate-900">
            {formatMoney(m.netMinor, currency)}
            {m.refundedMinor > 0 ? (
              <span className="block text-xs text-slate-600">
                {formatMoney(m.receivedMinor, currency)} in, {formatMoney(m.refundedMinor, currency)} refunded
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Today's takings and the last seven days', by method, with a bar per day. The bars only echo the
 * figures written beside them, so they are hidden from screen readers.
 */
export function TakingsPanel({ zone }: { zone: string | undefined }) {
  const today = zone ? localDate(new Date(), zone) : null;
  const takings = trpc.invoices.takings.useQuery(
    { from: today ? addLocalDays(today, -6) : '', to: today ?? '' },
    { enabled: today !== null },
  );

  return (
    <section aria-labelledby="takings-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="takings-heading" className="text-lg font-semibold text-slate-900">
        Takings
      </h2>
      {takings.error ? (
        <ErrorState message={errorMessage(takings.error)} onRetry={() => void takings.refetch()} />
      ) : !takings.data ? (
        <Loading label="Loading takings…" className="mt-3 grid gap-4 md:grid-cols-3">
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </Loading>
      ) : (
        <TakingsBody data={takings.data} />
      )}
    </section>
  );
}

type Takings = RouterOutputs['invoices']['takings'];

function TakingsBody({ data }: { data: Takings }) {
  const { currency } = data;
  const todayRow = data.days.at(-1);
  const most = Math.max(1, ...data.days.map((d) => d.netMinor));
  return (
    <div className="mt-3 grid gap-6 md:grid-cols-3">
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-700">Today</h3>
        <p className="text-2xl font-bold tabular-nums text-slate-900" data-testid="takings-today">
          {formatMoney(todayRow?.netMinor ?? 0, currency)}
        </p>
        <MethodList
          methods={todayRow?.methods.filter((m) => m.receivedMinor + m.refundedMinor > 0) ?? []}
          currency={currency}
          label="Today by method"
        />
      </div>
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-700">Last 7 days</h3>
        <p className="text-2xl font-bold tabular-nums text-slate-900" data-testid="takings-week">
          {formatMoney(data.totals.netMinor, currency)}
        </p>
        <MethodList methods={data.methods} currency={currency} label="Last 7 days by method" />
      </div>
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-700">By day</h3>
        <ul aria-label="Takings by day" className="space-y-1 text-xs">
          {data.days.map((d) => (
            <li key={d.date} className="grid grid-cols-[4.5rem_1fr_auto] items-center gap-2">
              <span className="text-slate-700">
                {formatDay(d.date, { weekday: 'short', year: undefined, month: undefined })}
              </span>
              <span aria-hidden="true" className="h-3 rounded-sm bg-slate-100">
                <span
                  className="block h-3 rounded-sm bg-teal-600"
                  style={{ width: `${Math.max(0, (d.netMinor / most) * 100)}%` }}
                />
              </span>
              <span className="text-right tabular-nums text-slate-900">
                <span className="sr-only">{formatDay(d.date)}: </span>
                {formatMoney(d.netMinor, currency)}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
