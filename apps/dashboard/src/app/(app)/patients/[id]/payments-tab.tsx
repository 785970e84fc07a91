'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney } from '@carelane/core';
import { Alert, Button, EmptyState, ErrorState, Loading, Skeleton } from '@carelane/ui';
import Link from 'next/link';
import { useState } from 'react';
import { InvoiceStatusBadge, invoiceName, type PatientBilling, showDate } from '@/components/invoices/payments-format';
import { PaymentsTable } from '@/components/invoices/payments-table';
import { RefundDialog } from '@/components/invoices/refund-dialog';
import { InvoiceDialog } from './invoice-dialog';
import { PaymentsStatement } from './payments-statement';

const cell = 'px-3 py-2 text-left';
const money = `${cell} text-right tabular-nums`;

function InvoicesTable({ invoices }: { invoices: PatientBilling['invoices'] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">Invoices</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th className={cell}>Invoice</th>
            <th className={cell}>Date</th>
            <th className={money}>Total</th>
            <th className={money}>Paid</th>
            <th className={money}>Balance</th>
            <th className={cell}>Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invoices.map((i) => (
            <tr key={i.id}>
              <td className={cell}>
                <Link
                  href={`/invoices/${i.id}`}
                  className="font-medium text-teal-800 underline-offset-2 hover:underline"
                >
                  {invoiceName(i)}
                </Link>
              </td>
              <td className={cell}>{showDate(i.issuedOn ?? i.createdAt)}</td>
              <td className={money}>{formatMoney(i.totalMinor, i.currency)}</td>
              <td className={money}>{formatMoney(i.paidMinor - i.refundedMinor, i.currency)}</td>
              <td className={money}>{formatMoney(i.balanceMinor, i.currency)}</td>
              <td className={cell}>
                <InvoiceStatusBadge status={i.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type PatientPayment = PatientBilling['payments'][number];

/** A patient's money: what they owe, their invoices, payments and statement, and a new invoice. */
export function PaymentsTab({
  patientId,
  currency,
  canWrite,
  canRefund,
}: {
  patientId: string;
  currency: string;
  canWrite: boolean;
  canRefund: boolean;
}) {
  const billing = trpc.invoices.forPatient.useQuery({ patientId });
  const [creating, setCreating] = useState(false);
  const [refunding, setRefunding] = useState<PatientPayment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (billing.error) {
    return <ErrorState message={errorMessage(billing.error)} onRetry={() => void billing.refetch()} />;
  }
  if (!billing.data) {
    return (
      <Loading label="Loading payments…" className="space-y-3">
        <Skeleton className="h-16" />
        <Skeleton className="h-40" />
      </Loading>
    );
  }
  const { invoices, payments, balanceMinor } = billing.data;
  const shown = invoices[0]?.currency ?? currency;
  const newInvoice = canWrite ? (
    <Button
      onClick={() => {
        setNotice(null);
        setCreating(true);
      }}
    >
      New invoice
    </Button>
  ) : null;

  return (
    <div className="space-y-6">
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-slate-100 px-4 py-3">
        <p className="text-lg font-semibold text-slate-900" data-testid="patient-balance">
          {balanceMinor > 0 ? `Owes ${formatMoney(balanceMinor, shown)}` : 'Nothing owed'}
        </p>
        {newInvoice}
      </div>

      {invoices.length === 0 ? (
        <EmptyState title="No invoices yet">
          {canWrite ? 'Bill treatments, visits and fees with New invoice.' : 'Invoices for this patient appear here.'}
        </EmptyState>
      ) : (
        <section aria-labelledby="invoices-heading" className="space-y-2">
          <h2 id="invoices-heading" className="text-base font-semibold text-slate-900">
            Invoices
          </h2>
          <InvoicesTable invoices={invoices} />
        </section>
      )}
      {/* Shown even without invoices: a booking's prepayment is money taken without one. */}
      {payments.length ? (
        <section aria-labelledby="payments-heading" className="space-y-2">
          <h2 id="payments-heading" className="text-base font-semibold text-slate-900">
            Payments
          </h2>
          <PaymentsTable
            payments={payments}
            // Money on an invoice is refunded from the invoice.
            canRefund={(p) => canRefund && !p.invoiceId}
            onRefund={setRefunding}
          />
        </section>
      ) : null}
      {invoices.length ? <PaymentsStatement patientId={patientId} currency={shown} /> : null}

      {refunding ? (
        <RefundDialog
          patientId={patientId}
          invoiceId={null}
          payment={refunding}
          onClose={(message) => {
            setRefunding(null);
            if (message) setNotice(message);
          }}
        />
      ) : null}
      {creating ? (
        <InvoiceDialog
          patientId={patientId}
          currency={shown}
          onClose={(message) => {
            setCreating(false);
            if (message) setNotice(message);
          }}
        />
      ) : null}
    </div>
  );
}
