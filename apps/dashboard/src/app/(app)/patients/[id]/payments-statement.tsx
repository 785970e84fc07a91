'use client';
import { errorMessage, trpc } from '@carelane/api/react';
import { formatMoney } from '@carelane/core';
import { ErrorState, Skeleton } from '@carelane/ui';
import { showDate } from '@/components/invoices/payments-format';

const cell = 'px-3 py-2 text-left';
const money = `${cell} text-right tabular-nums`;

/** The account, oldest first: what was billed, paid and given back, and the balance after each. */
export function PaymentsStatement({ patientId, currency }: { patientId: string; currency: string }) {
  const statement = trpc.invoices.statement.useQuery({ patientId });
  let body: React.ReactNode;
  if (statement.error) {
    body = <ErrorState message={errorMessage(statement.error)} onRetry={() => void statement.refetch()} />;
  } else if (!statement.data) {
    body = <Skeleton className="h-24" />;
  } else if (statement.data.entries.length === 0) {
    body = <p className="text-sm text-slate-600">Nothing issued yet: drafts are not on the statement.</p>;
  } else {
    body = (
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[32rem] text-sm">
          <caption className="sr-only">Statement</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th className={cell}>Date</th>
              <th className={cell}>Entry</th>
              <th className={money}>Amount</th>
              <th className={money}>Balance</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {statement.data.entries.map((e) => (
              <tr key={`${e.kind}-${e.id}`}>
                <td className={cell}>{showDate(e.at)}</td>
                <td className={cell}>{e.label}</td>
                <td className={money}>{formatMoney(e.amountMinor, currency)}</td>
                <td className={money}>{formatMoney(e.balanceMinor, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <section aria-labelledby="statement-heading" className="space-y-2">
      <h2 id="statement-heading" className="text-base font-semibold text-slate-900">
        Statement
      </h2>
      {body}
    </section>
  );
}
