import { formatMoney, INVOICE_STATUS_LABELS } from '@carelane/core';
import { Badge } from '@carelane/ui';
import type { serverCaller } from '@/server/caller';

export type Billing = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>['portal']['billing']>>;
type Invoice = Billing['invoices'][number];
type Payment = Billing['payments'][number];
type OpenLink = Billing['openLinks'][number];

const METHOD_LABELS: Record<Payment['method'], string> = {
  cash: 'Cash',
  card: 'Card',
  upi: 'UPI',
  bank: 'Bank transfer',
  razorpay: 'Online',
};

/** Gateway states a patient would not read as "paid". */
const PAYMENT_STATE_LABELS: Record<string, string> = {
  created: 'Processing',
  authorized: 'Processing',
  failed: 'Failed',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
};

const box = 'divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm';
const secondaryLink =
  'inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-teal-700';

export function day(instant: Date, zone: string) {
  return new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone }).format(
    instant,
  );
}

/** An issued-on date ("2026-12-03") as written, whatever the server's zone. */
function calendarDay(isoDate: string | null) {
  return isoDate ? day(new Date(`${isoDate}T00:00:00Z`), 'UTC') : '';
}

export function LinksToPay({ links, zone }: { links: OpenLink[]; zone: string }) {
  return (
    <ul className={box} aria-label="Payment links">
      {links.map((l) => {
        const amount = formatMoney(l.amountMinor, l.currency);
        return (
          <li key={l.id} className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <p className="font-semibold text-slate-900">{l.forLabel}</p>
              <p className="text-sm text-slate-600">
                {amount}
                {l.expiresAt ? ` · link open until ${day(l.expiresAt, zone)}` : null}
              </p>
            </div>
            <a
              href={l.shortUrl}
              rel="noopener"
              className="inline-flex min-h-12 items-center justify-center rounded-md bg-teal-700 px-6 text-lg font-bold text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
            >
              Pay {amount}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

export function InvoicesOwed({ invoices }: { invoices: Invoice[] }) {
  return (
    <ul className={box} aria-label="Invoices with a balance">
      {invoices.map((i) => (
        <li key={i.id} className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <p className="font-semibold text-slate-900">
              Invoice {i.number}: {formatMoney(i.balanceMinor, i.currency)} left to pay
            </p>
            <p className="text-sm text-slate-600">Pay at the clinic, or ask them to send you a payment link.</p>
          </div>
          <InvoiceDownload invoice={i} />
        </li>
      ))}
    </ul>
  );
}

function InvoiceDownload({ invoice }: { invoice: Invoice }) {
  return (
    <a
      href={`/api/invoices/${invoice.id}/pdf`}
      className={secondaryLink}
      aria-label={`Download invoice ${invoice.number}`}
    >
      Download invoice
    </a>
  );
}

export function PaymentList({ payments, zone }: { payments: Payment[]; zone: string }) {
  return (
    <ul className={box} aria-label="Your payments">
      {payments.map((p) => {
        const amount = formatMoney(p.amountMinor, p.currency);
        const state = PAYMENT_STATE_LABELS[p.status];
        const settled = p.status !== 'created' && p.status !== 'authorized' && p.status !== 'failed';
        return (
          <li key={p.id} className="flex flex-col gap-2 px-4 py-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="font-semibold text-slate-900">
                {amount} <span className="font-normal text-slate-700">· {METHOD_LABELS[p.method]}</span>{' '}
                {state ? <Badge>{state}</Badge> : null}
              </p>
              <p className="text-sm text-slate-600">
                {day(p.receivedAt, zone)}
                {p.forLabel ? ` · ${p.forLabel}` : null}
              </p>
              {p.refunds.map((r) => (
                <p key={`${r.date.toISOString()}-${r.amountMinor}`} className="text-sm text-slate-700">
                  {formatMoney(r.amountMinor, p.currency)} refunded on {day(r.date, zone)}
                </p>
              ))}
            </div>
            {settled ? (
              <a
                href={`/api/receipts/${p.id}`}
                className={secondaryLink}
                aria-label={`Receipt for ${amount} paid on ${day(p.receivedAt, zone)}`}
              >
                Receipt
              </a>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function InvoiceList({ invoices }: { invoices: Invoice[] }) {
  return (
    <ul className="space-y-3" aria-label="Your invoices">
      {invoices.map((i) => (
        <li key={i.id} className="rounded-lg border border-slate-200 bg-white px-4 py-4 shadow-sm">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <h3 className="font-semibold text-slate-900">Invoice {i.number}</h3>
              <p className="text-sm text-slate-600">Issued {calendarDay(i.issuedOn)}</p>
            </div>
            <Badge tone={i.status === 'paid' ? 'success' : 'neutral'}>{INVOICE_STATUS_LABELS[i.status]}</Badge>
          </div>
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">Lines of invoice {i.number}</caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody className="text-slate-800">
              {i.lines.map((l, n) => (
                // Lines have no id of their own here; their order is fixed.
                // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity
                <tr key={n} className="align-top">
                  <td className="py-1 pr-3">
                    {l.description}
                    {l.quantity > 1 ? ` × ${l.quantity}` : null}
                  </td>
                  <td className="py-1 text-right tabular-nums">{formatMoney(l.totalMinor, i.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 border-t border-slate-100 pt-2 text-sm">
            <dt className="text-slate-600">Total</dt>
            <dd className="text-right font-semibold tabular-nums text-slate-900">
              {formatMoney(i.totalMinor, i.currency)}
            </dd>
            <dt className="text-slate-600">Paid</dt>
            <dd className="text-right tabular-nums text-slate-900">{formatMoney(i.paidMinor, i.currency)}</dd>
            {i.refundedMinor > 0 ? (
              <>
                <dt className="text-slate-600">Refunded</dt>
                <dd className="text-right tabular-nums text-slate-900">{formatMoney(i.refundedMinor, i.currency)}</dd>
              </>
            ) : null}
            {i.status !== 'void' ? (
              <>
                <dt className="font-semibold text-slate-900">Balance</dt>
                <dd className="text-right font-semibold tabular-nums text-slate-900">
                  {formatMoney(Math.max(0, i.balanceMinor), i.currency)}
                </dd>
              </>
            ) : null}
          </dl>
          <div className="mt-3">
            <InvoiceDownload invoice={i} />
          </div>
        </li>
      ))}
    </ul>
  );
}
