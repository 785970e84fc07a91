import { formatMoney } from '@carelane/core';
import { EmptyState } from '@carelane/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { serverCaller } from '@/server/caller';
import { requirePatient } from '@/server/session';
import { InvoiceList, InvoicesOwed, LinksToPay, PaymentList } from './billing-lists';

export const metadata: Metadata = { title: 'Payments' };

export default async function PaymentsPage() {
  await requirePatient('/payments');
  const data = await (await serverCaller()).portal.billing();
  const linked = new Set(data.openLinks.map((l) => l.invoiceId).filter((id) => id !== null));
  // An invoice with an open link is paid through the link; the rest are paid at the clinic.
  const owed = data.invoices.filter(
    (i) => (i.status === 'issued' || i.status === 'partly_paid') && i.balanceMinor > 0 && !linked.has(i.id),
  );
  const nothing = !data.invoices.length && !data.payments.length && !data.openLinks.length;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Payments</h1>
        <p className="text-slate-700">
          {data.balanceMinor > 0
            ? `You owe ${formatMoney(data.balanceMinor, data.currency)} in all.`
            : 'You owe nothing at the moment.'}
        </p>
      </div>
      {nothing ? (
        <EmptyState
          title="No payments yet"
          action={
            <Link href="/appointments" className="font-semibold text-teal-800 underline">
              See my appointments
            </Link>
          }
        >
          Invoices and receipts from your clinic will show here.
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="to-pay-heading" className="space-y-3">
            <h2 id="to-pay-heading" className="text-lg font-semibold text-slate-900">
              To pay
            </h2>
            {data.openLinks.length ? <LinksToPay links={data.openLinks} zone={data.zone} /> : null}
            {owed.length ? <InvoicesOwed invoices={owed} /> : null}
            {!data.openLinks.length && !owed.length ? <EmptyState title="Nothing to pay" /> : null}
          </section>
          <section aria-labelledby="payments-heading" className="space-y-3">
            <h2 id="payments-heading" className="text-lg font-semibold text-slate-900">
              Payments
            </h2>
            {data.payments.length ? (
              <PaymentList payments={data.payments} zone={data.zone} />
            ) : (
              <EmptyState title="No payments yet" />
            )}
          </section>
          {data.invoices.length ? (
            <section aria-labelledby="invoices-heading" className="space-y-3">
              <h2 id="invoices-heading" className="text-lg font-semibold text-slate-900">
                Invoices
              </h2>
              <InvoiceList invoices={data.invoices} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
