'use client';
import { formatMoney } from '@carelane/core';
import { Button, cn } from '@carelane/ui';
import { PLAN_STATUS, type Plan } from './plan-format';
import { toothTitle } from './treatment-format';
import { StatusTag } from './treatment-item';

const DAY = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium' });

export type PlanAction = 'accept' | 'decline' | 'edit' | 'print';

/** One plan: its treatments by tooth, the total, and what can be done with it now. */
export function PlanCard({
  plan,
  patientName,
  canWrite,
  onAction,
}: {
  plan: Plan;
  patientName: string;
  canWrite: boolean;
  onAction: (action: PlanAction) => void;
}) {
  const status = PLAN_STATUS[plan.status];
  const started = plan.treatments.some((t) => t.status !== 'planned');
  const money = (minor: number) => formatMoney(minor, plan.currency);
  const label = (text: string) => (
    <>
      {text}
      <span className="sr-only"> {plan.name}</span>
    </>
  );
  return (
    <article aria-label={plan.name} className="plan-card rounded-lg border border-slate-200 bg-white p-4">
      <p className="mb-2 hidden text-sm print:block">Treatment plan for {patientName}</p>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h4 className="font-semibold text-slate-900">{plan.name}</h4>
          <p className="text-sm text-slate-600">
            Proposed {DAY.format(plan.createdAt)} by {plan.createdBy}
            {plan.decidedAt ? ` · ${status.label.toLowerCase()} ${DAY.format(plan.decidedAt)}` : ''}
          </p>
        </div>
        <span className={cn('rounded-full border px-2 py-0.5 text-xs font-semibold', status.chip)}>{status.label}</span>
      </div>
      {plan.declineReason ? <p className="mt-1 text-sm text-slate-700">Reason: {plan.declineReason}</p> : null}
      {plan.treatments.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">No treatments in this plan yet.</p>
      ) : (
        <ul
          aria-label={`Treatments in ${plan.name}`}
          className="mt-3 divide-y divide-slate-100 border-y border-slate-100"
        >
          {plan.treatments.map((t) => (
            <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2 text-sm">
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">{t.description}</span>
                <span className="block text-slate-600">{t.tooth ? toothTitle(t.tooth) : 'General'}</span>
              </span>
              <span className="ml-auto flex items-center gap-2">
                <span className="print:hidden">
                  <StatusTag status={t.status} />
                </span>
                <span className="tabular-nums text-slate-900">{money(t.priceMinor - t.discountMinor)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <dl aria-label={`Total of ${plan.name}`} className="mt-3 ml-auto w-full max-w-xs space-y-1 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-slate-700">Total</dt>
          <dd className="tabular-nums">{money(plan.totals.priceMinor)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-slate-700">Discount</dt>
          <dd className="tabular-nums">
            {plan.totals.discountMinor ? `− ${money(plan.totals.discountMinor)}` : money(0)}
          </dd>
        </div>
        <div className="flex justify-between gap-4 border-t border-slate-200 pt-1 font-semibold">
          <dt>Net</dt>
          <dd className="tabular-nums">{money(plan.totals.totalMinor)}</dd>
        </div>
      </dl>
      <div className="mt-10 hidden grid-cols-2 gap-8 text-sm print:grid">
        <p className="border-t border-slate-900 pt-1">Patient's signature</p>
        <p className="border-t border-slate-900 pt-1">Date</p>
      </div>
      <div className="mt-3 flex flex-wrap gap-2 print:hidden">
        {canWrite && plan.status === 'proposed' ? (
          <>
            <Button onClick={() => onAction('accept')}>{label('Accept')}</Button>
            <Button variant="secondary" onClick={() => onAction('decline')}>
              {label('Decline')}
            </Button>
            <Button variant="secondary" onClick={() => onAction('edit')}>
              {label('Change treatments')}
            </Button>
          </>
        ) : null}
        {canWrite && plan.status === 'accepted' && !started ? (
          <Button variant="secondary" onClick={() => onAction('decline')}>
            {label('Withdraw')}
          </Button>
        ) : null}
        <Button variant="ghost" onClick={() => onAction('print')}>
          {label('Print')}
        </Button>
      </div>
    </article>
  );
}
