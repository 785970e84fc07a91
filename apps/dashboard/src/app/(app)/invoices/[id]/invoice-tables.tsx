import { basisPointsToText, formatMoney } from '@carelane/core';
import type { Invoice, Payment } from '@/components/invoices/invoice-format';
import { PaymentsTable } from '@/components/invoices/payments-table';

const cell = 'px-3 py-2 text-left';
const num = `${cell} text-right tabular-nums`;

export function LinesTable({ invoice }: { invoice: Invoice }) {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">Lines</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th className={cell}>Description</th>
            <th className={num}>Qty</th>
            <th className={num}>Unit</th>
            <th className={num}>Discount</th>
            <th className={num}>Tax</th>
            <th className={num}>Total</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invoice.lines.map((l) => (
            <tr key={l.id}>
              <td className={cell}>{l.description}</td>
              <td className={num}>{l.quantity}</td>
              <td className={num}>{money(l.unitPriceMinor)}</td>
              <td className={num}>{l.discountMinor ? money(l.discountMinor) : '—'}</td>
              <td className={num}>
                {l.taxRateBasisPoints ? `${money(l.taxMinor)} (${basisPointsToText(l.taxRateBasisPoints)}%)` : '—'}
              </td>
              <td className={num}>{money(l.totalMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TotalsList({ invoice }: { invoice: Invoice }) {
  const rows: Array<[string, number]> = [
    ['Subtotal', invoice.subtotalMinor],
    ['Discount', -invoice.discountMinor],
    ['Tax', invoice.taxMinor],
    ['Total', invoice.totalMinor],
    ['Paid', invoice.paidMinor],
    ['Refunded', invoice.refundedMinor],
    ['Balance', invoice.balanceMinor],
  ];
  return (
    <dl aria-label="Totals" className="ml-auto w-full max-w-xs space-y-1 text-sm">
      {rows.map(([label, amount]) => (
        <div
          key={label}
          className={`flex justify-between gap-4 ${label === 'Total' || label === 'Balance' ? 'border-t border-slate-200 pt-1 font-semibold' : ''}`}
        >
          <dt>{label}</dt>
          <dd className="tabular-nums" data-testid={`invoice-${label.toLowerCase()}`}>
            {label === 'Discount' && amount === 0 ? '—' : formatMoney(amount, invoice.currency)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function PaymentsList({
  invoice,
  canRefund,
  onRefund,
}: {
  invoice: Invoice;
  canRefund: boolean;
  onRefund: (payment: Payment) => void;
}) {
  return <PaymentsTable payments={invoice.payments} canRefund={() => canRefund} onRefund={onRefund} />;
}
