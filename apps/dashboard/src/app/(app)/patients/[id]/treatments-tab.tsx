'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney, planTotals } from '@carelane/core';
import { Alert, Button, EmptyState, ErrorState, Loading, Skeleton } from '@carelane/ui';
import { useState } from 'react';
import { ToothChart } from './tooth-chart';
import { ToothTreatmentsPanel } from './tooth-treatments-panel';
import { TreatmentDialog } from './treatment-dialog';
import type { Treatment } from './treatment-format';
import { TreatmentItem } from './treatment-item';
import { TreatmentPlansSection } from './treatment-plans-section';

function Totals({ items, currency }: { items: readonly Treatment[]; currency: string }) {
  const totals = planTotals(items);
  const rows = [
    ['Planned', totals.byStatus.planned],
    ['In progress', totals.byStatus.in_progress],
    ['Done', totals.byStatus.done],
  ] as const;
  return (
    <dl aria-label="Totals" className="flex flex-wrap gap-x-6 gap-y-1 rounded-lg bg-slate-100 px-4 py-3 text-sm">
      {rows.map(([label, amount]) => (
        <div key={label} className="flex gap-1.5">
          <dt className="text-slate-700">{label}</dt>
          <dd className="font-semibold tabular-nums text-slate-900">{formatMoney(amount, currency)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Dental treatments: the chart, the chosen tooth's work, and every treatment with totals. */
export function TreatmentsTab({
  patientId,
  canWrite,
  currency,
}: {
  patientId: string;
  canWrite: boolean;
  currency: string;
}) {
  const treatments = trpc.treatments.forPatient.useQuery({ patientId });
  const [tooth, setTooth] = useState<number | null>(null);
  const [adding, setAdding] = useState<{ tooth: number | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (treatments.error) {
    return <ErrorState message={errorMessage(treatments.error)} onRetry={() => void treatments.refetch()} />;
  }
  if (!treatments.data) {
    return (
      <Loading label="Loading treatments…" className="space-y-3">
        <Skeleton className="h-48" />
        <Skeleton className="h-24" />
      </Loading>
    );
  }
  const items = treatments.data;
  // Amounts are in the treatments' currency; the organization's when there are none yet.
  const shown = items[0]?.currency ?? currency;

  return (
    <div className="space-y-4">
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {canWrite ? null : (
        <p className="text-sm text-slate-600">You can see treatments; clinicians and admins change them.</p>
      )}
      <ToothChart
        treatments={items}
        selected={tooth}
        onSelect={(t) => {
          setNotice(null);
          setTooth(t);
        }}
      />
      {tooth ? (
        <ToothTreatmentsPanel
          tooth={tooth}
          treatments={items}
          canWrite={canWrite}
          onAdd={() => setAdding({ tooth })}
          onChanged={setNotice}
          onClose={() => setTooth(null)}
        />
      ) : null}

      <section aria-labelledby="all-treatments" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id="all-treatments" className="text-base font-semibold text-slate-900">
            All treatments
          </h3>
          {canWrite ? (
            <Button variant="secondary" onClick={() => setAdding({ tooth: null })}>
              Add treatment without a tooth
            </Button>
          ) : null}
        </div>
        {items.length === 0 ? (
          <EmptyState title="No treatments yet">
            {canWrite ? 'Choose a tooth on the chart to add one, or add general work.' : null}
          </EmptyState>
        ) : (
          <>
            <ul aria-label="All treatments" className="space-y-2">
              {items.map((t) => (
                <li key={t.id}>
                  <TreatmentItem treatment={t} showTooth canWrite={canWrite} onChanged={setNotice} />
                </li>
              ))}
            </ul>
            <Totals items={items} currency={shown} />
          </>
        )}
      </section>

      <TreatmentPlansSection
        patientId={patientId}
        treatments={items}
        canWrite={canWrite}
        currency={shown}
        onChanged={setNotice}
      />

      {adding ? (
        <TreatmentDialog
          patientId={patientId}
          tooth={adding.tooth}
          currency={shown}
          onClose={(message) => {
            setAdding(null);
            if (message) setNotice(message);
          }}
        />
      ) : null}
    </div>
  );
}
