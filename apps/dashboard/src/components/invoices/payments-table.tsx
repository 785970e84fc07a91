import { formatMoney } from '@carelane/core';
import { METHOD_LABELS, paymentStatusLabel, showDate } from './payments-format';

const cell = 'px-3 py-2 text-left';
const money = `${cell} text-right tabular-nums`;

type PaymentRow = {
  id: string;
  receivedAt: Date;
  method: string;
  amountMinor: number;
  creditedMinor: number;
  currency: string;
  reference: string | null;
  status: string;
};

/**
 * Payments with a receipt for each that took money, and Refund where the caller allows it (the
 * invoice page for its payments, the patient's tab for money taken without an invoice).
 */
export function PaymentsTable<P extends PaymentRow>({
  payments,
  canRefund,
  onRefund,
}: {
  payments: P[];
  canRefund: (payment: P) => boolean;
  onRefund: (payment: P) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">Payments</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th className={cell}>Date</th>
            <th className={cell}>Method</th>
            <th className={money}>Amount</th>
            <th className={cell}>Reference</th>
            <th className={cell}>Status</th>
            <th className={cell}>
              <span className="sr-only">Receipt and refund</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {payments.map((p) => (
            <tr key={p.id}>
              <td className={cell}>{showDate(p.receivedAt)}</td>
              <td className={cell}>{METHOD_LABELS[p.method] ?? p.method}</td>
              <td className={money}>{formatMoney(p.amountMinor, p.currency)}</td>
              <td className={cell}>{p.reference ?? '—'}</td>
              <td className={cell}>{paymentStatusLabel(p)}</td>
              <td className={`${cell} whitespace-nowrap`}>
                {p.creditedMinor > 0 || p.status === 'refunded' ? (
                  <a
                    href={`/api/payments/${p.id}/receipt`}
                    className="mr-3 font-medium text-teal-800 underline-offset-2 hover:underline"
                  >
                    Receipt
                  </a>
                ) : null}
                {p.creditedMinor > 0 && canRefund(p) ? (
                  <button
                    type="button"
                    onClick={() => onRefund(p)}
                    className="font-medium text-red-800 underline-offset-2 hover:underline"
                  >
                    Refund
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
