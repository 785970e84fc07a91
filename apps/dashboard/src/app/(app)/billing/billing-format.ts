import { INVOICE_STATUS_LABELS, type InvoiceStatus } from '@carelane/core';

/** The page's tabs, in the order the desk works through them; the API names the same ids. */
export const BILLING_TABS = [
  { id: 'outstanding', label: 'Outstanding' },
  { id: 'draft', label: 'Drafts' },
  { id: 'paid', label: 'Paid' },
  { id: 'void', label: 'Void' },
  { id: 'all', label: 'All' },
] as const;
export type BillingTab = (typeof BILLING_TABS)[number]['id'];

export function tabOf(id: string | null): BillingTab {
  return BILLING_TABS.find((t) => t.id === id)?.id ?? 'outstanding';
}

const STATUS_TONES: Record<InvoiceStatus, string> = {
  draft: 'bg-slate-100 text-slate-800 ring-slate-300',
  issued: 'bg-amber-100 text-amber-900 ring-amber-300',
  partly_paid: 'bg-sky-100 text-sky-900 ring-sky-300',
  paid: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  void: 'bg-slate-100 text-slate-600 ring-slate-300 line-through',
};

export function statusLabel(status: InvoiceStatus): string {
  return INVOICE_STATUS_LABELS[status];
}

export function statusTone(status: InvoiceStatus): string {
  return STATUS_TONES[status];
}

/** "20 Nov 2026" for a calendar date (YYYY-MM-DD), whatever the browser's zone. */
export function formatDay(isoDate: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat('en-IN', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
    ...options,
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
