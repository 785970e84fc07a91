'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { Alert, Button, ErrorState, Loading, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { useState } from 'react';
import { type Payment, refreshInvoice } from '@/components/invoices/invoice-format';
import { InvoiceStatusBadge, invoiceName, showDate } from '@/components/invoices/payments-format';
import { RefundDialog } from '@/components/invoices/refund-dialog';
import { LinesTable, PaymentsList, TotalsList } from './invoice-tables';
import { LinkDialog } from './link-dialog';
import { PaymentDialog } from './payment-dialog';
import { VoidDialog } from './void-dialog';

type Dialog = { kind: 'pay' } | { kind: 'void' } | { kind: 'link' } | { kind: 'refund'; payment: Payment };

/** One invoice: its lines and figures, payments, and what the caller may do with it. */
export function InvoiceView({ id }: { id: string }) {
  const utils = trpc.useUtils();
  const invoice = trpc.invoices.byId.useQuery({ id });
  const profile = trpc.me.profile.useQuery();
  const issue = trpc.invoices.issue.useMutation();
  const permissions = profile.data?.permissions ?? [];
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (invoice.error) {
    return <ErrorState message={errorMessage(invoice.error)} onRetry={() => void invoice.refetch()} />;
  }
  if (!invoice.data) {
    return (
      <Loading label="Loading the invoice…" className="space-y-4">
        <Skeleton className="h-12 w-72" />
        <Skeleton className="h-48" />
      </Loading>
    );
  }
  const inv = invoice.data;
  const canWrite = permissions.includes('billing:write');
  const canRefund = permissions.includes('billing:refund');
  const open = inv.status === 'issued' || inv.status === 'partly_paid';
  const close = (message: string | null) => {
    setDialog(null);
    if (message) setNotice(message);
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold text-slate-900">
            {invoiceName(inv)} <InvoiceStatusBadge status={inv.status} />
          </h1>
          <p className="text-sm text-slate-700">
            <span className="font-medium text-slate-900">
              {inv.patient.name} ({inv.patient.mrn})
            </span>{' '}
            · {inv.issuedOn ? `Issued ${showDate(inv.issuedOn)}` : `Created ${showDate(inv.createdAt)}`} ·{' '}
            <Link href={`/patients/${inv.patientId}?tab=payments`} className="font-medium text-teal-800 underline">
              Patient’s payments
            </Link>
          </p>
          {inv.status === 'void' && inv.voidReason ? (
            <p className="text-sm text-slate-700">Void: {inv.voidReason}</p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          {canWrite && inv.status === 'draft' ? (
            <Button
              busy={issue.isPending}
              onClick={() =>
                void issue
                  .mutateAsync({ id: inv.id })
                  .then(async (issued) => {
                    await refreshInvoice(utils, inv);
                    setNotice(`Invoice ${issued?.number ?? ''} issued.`);
                  })
                  .catch(() => undefined)
              }
            >
              Issue
            </Button>
          ) : null}
          {canWrite && open ? <Button onClick={() => setDialog({ kind: 'pay' })}>Record payment</Button> : null}
          {canWrite && open ? (
            <Button variant="secondary" onClick={() => setDialog({ kind: 'link' })}>
              Payment link
            </Button>
          ) : null}
          {inv.status !== 'draft' ? (
            <a
              href={`/api/invoices/${inv.id}/pdf`}
              className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Download PDF
            </a>
          ) : null}
          {canRefund && inv.status !== 'void' ? (
            <Button variant="ghost" onClick={() => setDialog({ kind: 'void' })}>
              Void
            </Button>
          ) : null}
        </div>
      </div>

      <div aria-live="polite">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {issue.error ? <Alert>{errorMessage(issue.error)}</Alert> : null}
      </div>

      <LinesTable invoice={inv} />
      <TotalsList invoice={inv} />
      {inv.notes ? <p className="text-sm text-slate-700">{inv.notes}</p> : null}

      <section aria-labelledby="invoice-payments" className="space-y-2">
        <h2 id="invoice-payments" className="text-base font-semibold text-slate-900">
          Payments
        </h2>
        {inv.payments.length ? (
          <PaymentsList
            invoice={inv}
            canRefund={canRefund}
            onRefund={(payment) => setDialog({ kind: 'refund', payment })}
          />
        ) : (
          <p className="text-sm text-slate-600">No payments yet.</p>
        )}
      </section>

      {dialog?.kind === 'pay' ? <PaymentDialog invoice={inv} onClose={close} /> : null}
      {dialog?.kind === 'void' ? <VoidDialog invoice={inv} onClose={close} /> : null}
      {dialog?.kind === 'link' ? <LinkDialog invoice={inv} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'refund' ? (
        <RefundDialog patientId={inv.patientId} invoiceId={inv.id} payment={dialog.payment} onClose={close} />
      ) : null}
    </div>
  );
}
