'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney, type TreatmentStatus } from '@carelane/core';
import { Alert, Button, cn } from '@carelane/ui';
import Link from 'next/link';
import { localToday, STATUS_STYLE, statusLabel, type Treatment, toothTitle } from './treatment-format';

const DAY = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeZone: 'UTC' });
const NEXT: Partial<Record<TreatmentStatus, TreatmentStatus>> = { planned: 'in_progress', in_progress: 'done' };

export function StatusTag({ status }: { status: TreatmentStatus }) {
  return (
    <span
      className={cn('inline-flex items-center gap-1 rounded px-1.5 text-xs font-semibold', STATUS_STYLE[status].chip)}
    >
      <span aria-hidden="true">{STATUS_STYLE[status].letter}</span>
      {statusLabel(status)}
    </span>
  );
}

/** One treatment: what, price less discount, date and notes; moves on by status, or goes if still planned. */
export function TreatmentItem({
  treatment: t,
  showTooth,
  canWrite,
  onChanged,
}: {
  treatment: Treatment;
  showTooth: boolean;
  canWrite: boolean;
  onChanged: (message: string) => void;
}) {
  const utils = trpc.useUtils();
  const update = trpc.treatments.update.useMutation();
  const remove = trpc.treatments.remove.useMutation();
  const next = NEXT[t.status];
  const what = t.description || 'Treatment';
  const net = t.priceMinor - t.discountMinor;

  async function done(message: string) {
    // A plan shows its treatments' statuses and loses a removed one.
    await Promise.all([utils.treatments.forPatient.invalidate(), utils.treatmentPlans.forPatient.invalidate()]);
    onChanged(message);
  }
  function advance(status: TreatmentStatus) {
    remove.reset();
    // Work marked done without a date was done today.
    const performedOn = status === 'done' && !t.performedOn ? localToday() : undefined;
    update.mutate(
      { id: t.id, status, performedOn },
      { onSuccess: () => void done(`${what}: ${statusLabel(status).toLowerCase()}.`) },
    );
  }
  function drop() {
    update.reset();
    remove.mutate({ id: t.id }, { onSuccess: () => void done(`Removed ${what}.`) });
  }
  const error = update.error ?? remove.error;

  return (
    <article aria-label={what} className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-semibold text-slate-900">
            {what}
            {t.procedureCode ? (
              <span className="ml-1 text-sm font-normal text-slate-600">({t.procedureCode})</span>
            ) : null}
          </p>
          <p className="text-sm text-slate-700">
            {showTooth ? (t.tooth ? `${toothTitle(t.tooth)} · ` : 'General · ') : ''}
            {t.performedOn ? DAY.format(new Date(t.performedOn)) : 'No date yet'}
          </p>
        </div>
        <div className="ml-auto text-right">
          <StatusTag status={t.status} />
          <p className="mt-1 text-sm tabular-nums text-slate-900">
            {t.discountMinor ? (
              <>
                <span className="text-slate-600">
                  {formatMoney(t.priceMinor, t.currency)} − {formatMoney(t.discountMinor, t.currency)} ={' '}
                </span>
                <span className="font-semibold">{formatMoney(net, t.currency)}</span>
              </>
            ) : (
              <span className="font-semibold">{formatMoney(net, t.currency)}</span>
            )}
          </p>
          <p className="text-xs text-slate-600">
            {t.billing ? (
              <Link href={`/invoices/${t.billing.invoiceId}`} className="underline">
                {t.billing.invoiceNumber ? `Invoice ${t.billing.invoiceNumber}` : 'Draft invoice'}
              </Link>
            ) : (
              'Not billed'
            )}
            {t.billing ? ` · paid ${formatMoney(t.billing.paidMinor, t.currency)}` : ''}
          </p>
        </div>
      </div>
      {t.notes ? <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700">{t.notes}</p> : null}
      {error ? (
        <div className="mt-2">
          <Alert>{errorMessage(error)}</Alert>
        </div>
      ) : null}
      {canWrite ? (
        <div className="mt-2 flex flex-wrap gap-2">
          {next ? (
            <Button variant="secondary" busy={update.isPending} onClick={() => advance(next)}>
              Mark {statusLabel(next).toLowerCase()}
              <span className="sr-only"> for {what}</span>
            </Button>
          ) : null}
          {t.status === 'planned' ? (
            <Button variant="secondary" busy={update.isPending} onClick={() => advance('done')}>
              Mark done<span className="sr-only"> for {what}</span>
            </Button>
          ) : null}
          <Button variant="ghost" busy={remove.isPending} onClick={drop}>
            Remove<span className="sr-only"> {what}</span>
          </Button>
        </div>
      ) : null}
    </article>
  );
}
