'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { errorMessage, trpc } from '@carelane/api/react';
import { addLocalDays, localDate } from '@carelane/core';
import { ErrorState, Loading, Skeleton, TextField } from '@carelane/ui';
import { useState } from 'react';
import { formatDay } from '@/components/format-day';
import { CHANNEL_LABELS, kindLabel } from '@/components/messages/message-format';

type Stats = RouterOutputs['messages']['stats'];
type Counts = Stats['totals'];

const FIGURES = [
  { key: 'total', label: 'Total' },
  { key: 'sent', label: 'Sent' },
  { key: 'delivered', label: 'Delivered' },
  { key: 'failed', label: 'Failed' },
  { key: 'pending', label: 'Waiting' },
] as const;

function CountsTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: (Counts & { name: string })[];
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="px-4 pt-3 text-left font-semibold text-slate-900">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              {first}
            </th>
            {FIGURES.map((f) => (
              <th key={f.key} scope="col" className="px-4 py-2 text-right font-semibold">
                {f.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row" className="px-4 py-2 font-normal text-slate-800">
                {row.name}
              </th>
              {FIGURES.map((f) => (
                <td key={f.key} className="px-4 py-2 text-right tabular-nums text-slate-900">
                  {row[f.key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const LEGEND = [
  { label: 'Delivered', colour: 'bg-emerald-600' },
  { label: 'Sent, not yet confirmed', colour: 'bg-sky-500' },
  { label: 'Failed', colour: 'bg-red-600' },
];

/**
 * A stacked bar per day: delivered, sent without word of delivery, failed. The bars echo the
 * figures of the table below them, so they are hidden from screen readers.
 */
function DayChart({ days }: { days: Stats['byDay'] }) {
  const most = Math.max(1, ...days.map((d) => d.sent + d.failed));
  return (
    <section aria-labelledby="per-day" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="per-day" className="font-semibold text-slate-900">
        Per day
      </h3>
      <ul className="flex flex-wrap gap-3 text-xs text-slate-700" aria-label="Legend">
        {LEGEND.map((l) => (
          <li key={l.label} className="flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${l.colour}`} />
            {l.label}
          </li>
        ))}
      </ul>
      <div aria-hidden="true" className="flex h-40 items-end gap-px overflow-x-auto border-b border-slate-300">
        {days.map((d) => (
          <div
            key={d.date}
            title={`${formatDay(d.date)}: ${d.sent} sent, ${d.delivered} delivered, ${d.failed} failed`}
            className="flex h-full min-w-2 flex-1 flex-col justify-end"
          >
            <div className="bg-red-600" style={{ height: `${(d.failed / most) * 100}%` }} />
            <div className="bg-sky-500" style={{ height: `${((d.sent - d.delivered) / most) * 100}%` }} />
            <div className="bg-emerald-600" style={{ height: `${(d.delivered / most) * 100}%` }} />
          </div>
        ))}
      </div>
      <div aria-hidden="true" className="flex justify-between text-xs text-slate-600">
        <span>{days[0] ? formatDay(days[0].date) : ''}</span>
        <span>{days.at(-1) ? formatDay(days.at(-1)?.date ?? '') : ''}</span>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-teal-800">Figures by day</summary>
        <CountsTable caption="By day" first="Day" rows={days.map((d) => ({ ...d, name: formatDay(d.date) }))} />
      </details>
    </section>
  );
}

/** Counts per channel and kind over a range of days (30 up to today unless chosen). */
export function StatsPanel({ zone }: { zone: string | undefined }) {
  const today = zone ? localDate(new Date(), zone) : null;
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const from = range?.from ?? (today ? addLocalDays(today, -29) : '');
  const to = range?.to ?? today ?? '';
  const stats = trpc.messages.stats.useQuery({ from, to }, { enabled: from !== '' && to !== '' });

  return (
    <div className="space-y-4">
      <div className="grid max-w-md grid-cols-2 gap-3">
        <TextField label="From" type="date" value={from} onChange={(e) => setRange({ from: e.target.value, to })} />
        <TextField label="To" type="date" value={to} onChange={(e) => setRange({ from, to: e.target.value })} />
      </div>
      {stats.error ? (
        <ErrorState message={errorMessage(stats.error)} onRetry={() => void stats.refetch()} />
      ) : !stats.data ? (
        <Loading label="Loading figures…" className="space-y-2">
          <Skeleton className="h-32" />
          <Skeleton className="h-40" />
        </Loading>
      ) : (
        <div className="space-y-4">
          <CountsTable
            caption="By channel"
            first="Channel"
            rows={[
              ...stats.data.byChannel.map((c) => ({ ...c, name: CHANNEL_LABELS[c.channel] ?? c.channel })),
              { ...stats.data.totals, name: 'All channels' },
            ]}
          />
          <CountsTable
            caption="By kind"
            first="Kind"
            rows={stats.data.byKind.map((k) => ({ ...k, name: kindLabel(k.kind) }))}
          />
          <DayChart days={stats.data.byDay} />
        </div>
      )}
    </div>
  );
}
