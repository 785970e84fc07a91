'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { fullName } from '@carelane/core';
import { Button, EmptyState, ErrorState, Skeleton } from '@carelane/ui';
import { useState } from 'react';
import { type PlanAction, PlanCard } from './plan-card';
import { PlanDecisionDialog } from './plan-decision-dialog';
import { PlanDialog } from './plan-dialog';
import { type Plan, plannable } from './plan-format';
import type { Treatment } from './treatment-format';

// Printing shows only the chosen plan: everything else is hidden by visibility so the card keeps its layout.
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  [data-printing] , [data-printing] * { visibility: visible; }
  [data-printing] { position: absolute; inset: 0 auto auto 0; width: 100%; border: 0; }
}`;

type Open = { kind: 'new' } | { kind: 'edit' | 'accept' | 'decline'; plan: Plan } | null;

/** Treatment plans: planned work grouped for the patient to accept or decline, with totals. */
export function TreatmentPlansSection({
  patientId,
  treatments,
  canWrite,
  currency,
  onChanged,
}: {
  patientId: string;
  treatments: readonly Treatment[];
  canWrite: boolean;
  currency: string;
  onChanged: (message: string) => void;
}) {
  const utils = trpc.useUtils();
  const plans = trpc.treatmentPlans.forPatient.useQuery({ patientId });
  const [open, setOpen] = useState<Open>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  // Already loaded by the page header; read from the cache so printing is no extra read of the record.
  const patient = utils.patients.byId.getData({ id: patientId });
  const patientName = patient ? fullName(patient) : '';

  function act(plan: Plan, action: PlanAction) {
    if (action !== 'print') {
      setOpen({ kind: action, plan });
      return;
    }
    setPrinting(plan.id);
    // Let the attribute reach the page before the print dialog takes its picture.
    requestAnimationFrame(() => {
      window.print();
      setPrinting(null);
    });
  }
  function closed(message: string | null) {
    setOpen(null);
    if (message) onChanged(message);
  }

  const list = plans.data ?? [];
  return (
    <section aria-labelledby="treatment-plans" className="space-y-3">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="treatment-plans" className="text-base font-semibold text-slate-900">
          Plans
        </h3>
        {canWrite ? (
          <Button variant="secondary" onClick={() => setOpen({ kind: 'new' })}>
            New plan
          </Button>
        ) : null}
      </div>
      {plans.error ? (
        <ErrorState message={errorMessage(plans.error)} onRetry={() => void plans.refetch()} />
      ) : !plans.data ? (
        <Skeleton className="h-24" />
      ) : list.length === 0 ? (
        <EmptyState title="No treatment plans yet">
          {canWrite ? 'Group planned treatments into a plan for the patient to accept or decline.' : null}
        </EmptyState>
      ) : (
        <ul aria-label="Treatment plans" className="space-y-3">
          {list.map((plan) => (
            <li key={plan.id} data-printing={printing === plan.id ? '' : undefined}>
              <PlanCard
                plan={plan}
                patientName={patientName}
                canWrite={canWrite}
                onAction={(action) => act(plan, action)}
              />
            </li>
          ))}
        </ul>
      )}
      {open?.kind === 'new' || open?.kind === 'edit' ? (
        <PlanDialog
          patientId={patientId}
          plan={open.kind === 'edit' ? open.plan : null}
          choices={plannable(treatments, list, open.kind === 'edit' ? open.plan.id : null)}
          currency={currency}
          onClose={closed}
        />
      ) : null}
      {open?.kind === 'accept' || open?.kind === 'decline' ? (
        <PlanDecisionDialog patientId={patientId} plan={open.plan} decision={open.kind} onClose={closed} />
      ) : null}
    </section>
  );
}
