'use client';
import { trpc } from '@carelane/api/react';
import { Card, Skeleton } from '@carelane/ui';
import { SEX_LABELS } from './format';

export type Count = { label: string; count: number };

const number = new Intl.NumberFormat('en-IN');

/** Proportions as plain bars with their numbers written out, so they read without the picture. */
export function Bars({ title, counts }: { title: string; counts: Count[] }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <Card className="p-4">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {counts.length ? (
        <dl className="mt-3 space-y-2">
          {counts.map((c) => (
            <div key={c.label} className="grid grid-cols-[6.5rem_1fr_3.5rem] items-center gap-2 text-sm">
              <dt className="truncate text-slate-700" title={c.label}>
                {c.label}
              </dt>
              <div aria-hidden="true" className="h-2.5 rounded-full bg-slate-100">
                <div className="h-2.5 rounded-full bg-teal-600" style={{ width: `${(c.count / max) * 100}%` }} />
              </div>
              <dd className="text-right tabular-nums text-slate-900">{number.format(c.count)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-3 text-sm text-slate-600">Nothing recorded yet.</p>
      )}
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Card className="p-3 sm:p-4">
      <dt className="text-xs text-slate-600 sm:text-sm">{label}</dt>
      <dd className="mt-1 text-xl font-bold tabular-nums text-slate-900 sm:text-2xl">{number.format(value)}</dd>
    </Card>
  );
}

/** The registry at a glance: totals, and how it splits by sex, age and where patients came from. */
export function StatsCards() {
  const stats = trpc.patients.stats.useQuery(undefined, { staleTime: 60_000 });
  if (stats.error) return null; // the list below still works; the figures are a nicety
  if (!stats.data) {
    return (
      <div className="grid grid-cols-3 gap-2 sm:gap-3" aria-hidden="true">
        <Skeleton className="h-20" />
        <Skeleton className="h-20" />
        <Skeleton className="h-20" />
      </div>
    );
  }
  const s = stats.data;
  return (
    <section aria-label="Patient statistics" className="space-y-3">
      <dl className="grid grid-cols-3 gap-2 sm:gap-3">
        <Figure label="Patients" value={s.total} />
        <Figure label="New this month" value={s.newThisMonth} />
        <Figure label="Seen in the last 90 days" value={s.seenLast90Days} />
      </dl>
      <details className="group">
        <summary className="cursor-pointer text-sm font-medium text-teal-800 hover:underline focus-visible:outline-2 focus-visible:outline-teal-700">
          By sex, age and lead source
        </summary>
        <div className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
          <Bars title="Sex" counts={s.bySex.map((r) => ({ label: SEX_LABELS[r.sex], count: r.count }))} />
          <Bars title="Age" counts={s.byAgeBand.map((r) => ({ label: r.band, count: r.count }))} />
          <Bars
            title="Lead source"
            counts={s.byLeadSource.map((r) => ({ label: r.source ?? 'Not recorded', count: r.count }))}
          />
        </div>
      </details>
    </section>
  );
}
