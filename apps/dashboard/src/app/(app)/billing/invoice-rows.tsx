'use client';
import type { RouterOutputs } from '@carelane/api/client';
import { formatMoney, localDate } from '@carelane/core';
import { cn } from '@carelane/ui';
import Link from 'next/link';
import { formatDay } from '@/components/format-day';
import { InvoiceStatusBadge } from '@/components/invoices/payments-format';

export type InvoiceRow = RouterOutputs['invoices']['list']['rows'][number];

const LINK = 'font-semibold text-teal-800 hover:underline focus-visible:outline-2 focus-visible:outline-teal-700';

/** "#12", or "Draft" before a number is given at issue. */
function numberText(row: InvoiceRow): string {
  return row.number === null ? 'Draft' : `#${row.number}`;
}

/** The issue date, or the day a draft was started. */
function dayText(row: InvoiceRow, zone: string | undefined): string {
  return formatDay(row.issuedOn ?? localDate(row.createdAt, zone ?? 'UTC'));
}

const money = (minor: number, row: InvoiceRow) => formatMoney(minor, row.currency);

function InvoiceLink({ row }: { row: InvoiceRow }) {
  return (
    <Link href={`/invoices/${row.id}`} className={LINK}>
      {numberText(row)}
      <span className="sr-only"> invoice of {row.patient.name}</span>
    </Link>
  );
}

function PatientLink({ row }: { row: InvoiceRow }) {
  return (
    <>
      <Link href={`/patients/${row.patient.id}?tab=payments`} className={LINK}>
        {row.patient.name}
      </Link>
      <span className="block text-xs text-slate-600">{row.patient.mrn}</span>
    </>
  );
}

const COLUMNS = ['Invoice', 'Patient', 'Date', 'Total', 'Paid', 'Balance', 'Status'];
const NUMERIC = new Set(['Total', 'Paid', 'Balance']);

/** The invoices as a table on wide screens and as cards on a phone. Paid is net of refunds. */
export function InvoiceRows({ rows, zone }: { rows: InvoiceRow[]; zone: string | undefined }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Invoices</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className={cn('px-4 py-2 font-semibold', NUMERIC.has(column) && 'text-right')}
                >
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className="align-top" data-invoice-id={row.id}>
                <td className="px-4 py-3">
                  <InvoiceLink row={row} />
                </td>
                <td className="px-4 py-3">
                  <PatientLink row={row} />
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-slate-800">{dayText(row, zone)}</td>
                <td className="px-4 py-3 text-right tabular-nums text-slate-800">{money(row.totalMinor, row)}</td>
                <td className="px-4 py-3 text-right tabular-nums text-slate-800">
                  {money(row.paidMinor - row.refundedMinor, row)}
                </td>
                <td className="px-4 py-3 text-right font-semibold tabular-nums text-slate-900">
                  {money(row.balanceMinor, row)}
                </td>
                <td className="px-4 py-3">
                  <InvoiceStatusBadge status={row.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul aria-label="Invoices" className="space-y-2 md:hidden">
        {rows.map((row) => (
          <li key={row.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <PatientLink row={row} />
              </div>
              <div className="shrink-0 text-right">
                <InvoiceStatusBadge status={row.status} />
              </div>
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-800">
              <dt className="text-slate-600">Invoice</dt>
              <dd>
                <InvoiceLink row={row} /> <span className="text-slate-600">· {dayText(row, zone)}</span>
              </dd>
              <dt className="text-slate-600">Total</dt>
              <dd className="tabular-nums">{money(row.totalMinor, row)}</dd>
              <dt className="text-slate-600">Paid</dt>
              <dd className="tabular-nums">{money(row.paidMinor - row.refundedMinor, row)}</dd>
              <dt className="text-slate-600">Balance</dt>
              <dd className="font-semibold tabular-nums text-slate-900">{money(row.balanceMinor, row)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
