import type { RouterOutputs } from '@carelane/api/client';
import { INVOICE_STATUS_LABELS, type InvoiceStatus } from '@carelane/core';
import { Pill } from '@carelane/ui';

export type PatientBilling = RouterOutputs['invoices']['forPatient'];
export type Billable = RouterOutputs['invoices']['billable'];
export type Statement = RouterOutputs['invoices']['statement'];

/** Colour plus the word, so the status reads without colour too. */
const STATUS_STYLES: Record<InvoiceStatus, string> = {
  draft: 'bg-slate-100 text-slate-800 ring-slate-300',
  issued: 'bg-amber-100 text-amber-900 ring-amber-300',
  partly_paid: 'bg-sky-100 text-sky-900 ring-sky-300',
  paid: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  void: 'bg-slate-100 text-slate-600 ring-slate-300 line-through',
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <Pill tone={STATUS_STYLES[status]}>{INVOICE_STATUS_LABELS[status]}</Pill>;
}

export const METHOD_LABELS: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  upi: 'UPI',
  bank: 'Bank transfer',
  razorpay: 'Online',
};

const PAYMENT_STATUS_LABELS: Record<string, string> = {
  captured: 'Received',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
  failed: 'Failed',
  authorized: 'Authorised',
  created: 'Started',
};

/** A desk payment stays "captured"; what was given back shows from what it still credits. */
export function paymentStatusLabel(p: { status: string; amountMinor: number; creditedMinor: number }): string {
  if (p.status === 'captured' && p.creditedMinor < p.amountMinor) {
    return p.creditedMinor === 0 ? 'Refunded' : 'Partly refunded';
  }
  return PAYMENT_STATUS_LABELS[p.status] ?? p.status;
}

/** "Invoice 12", or "Draft" before it has a number. */
export const invoiceName = (i: { number: number | null }) => (i.number === null ? 'Draft' : `Invoice ${i.number}`);

/** A date as the clinic reads it (the browser's clock; the clinic's zone when given). */
export function showDate(value: Date | string, zone?: string): string {
  const date = typeof value === 'string' ? new Date(`${value}T00:00:00`) : value;
  return new Intl.DateTimeFormat('en-IN', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(zone && typeof value !== 'string' ? { timeZone: zone } : {}),
  }).format(date);
}
