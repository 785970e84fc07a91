import type { InvoiceStatus } from '@carelane/core';
import { z } from 'zod';
import { decodeOverviewCursor } from '../forms/overview.schema';

/** The Billing page's tabs: "outstanding" is every issued invoice with money still owed. */
export const INVOICE_TABS = ['outstanding', 'draft', 'paid', 'void', 'all'] as const;
export type InvoiceTab = (typeof INVOICE_TABS)[number];

/** Which statuses each tab holds; a Record, so a status core adds and this lacks fails to compile. */
export const TAB_STATUSES: Record<Exclude<InvoiceTab, 'all'>, readonly InvoiceStatus[]> = {
  outstanding: ['issued', 'partly_paid'],
  draft: ['draft'],
  paid: ['paid'],
  void: ['void'],
};

// The forms overview's keyset cursor (created_at as Postgres prints it, and id) fits this list too.
export {
  decodeOverviewCursor as decodeListCursor,
  encodeOverviewCursor as encodeListCursor,
} from '../forms/overview.schema';

export const invoiceListInput = z.object({
  tab: z.enum(INVOICE_TABS, 'Choose outstanding, draft, paid, void or all').default('outstanding'),
  /** Patient name or record number (the patient search's rules), or an invoice number. */
  search: z.string().trim().max(80, 'Search is limited to 80 characters').optional(),
  centreId: z.uuid('Not a centre id').optional(),
  cursor: z
    .string()
    .max(200)
    .refine((c) => decodeOverviewCursor(c) !== null, 'Not a cursor from this list; start again')
    .optional(),
  limit: z.number().int().min(1, 'At least 1').max(100, 'At most 100').default(50),
});
export type InvoiceListInput = z.infer<typeof invoiceListInput>;

/** "123", "#123" or "INV-123": an invoice number; null when the box holds something else. */
export function invoiceNumberOf(search: string): number | null {
  const match = /^(?:#|inv-?\s*)?(\d{1,9})$/i.exec(search.trim());
  return match?.[1] ? Number(match[1]) : null;
}

const localDate = (what: string) => z.iso.date(`Give the ${what} date as YYYY-MM-DD`);

export const takingsInput = z
  .object({ from: localDate('first'), to: localDate('last') })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'The last date cannot be before the first' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 92 * 86_400_000, {
    path: ['to'],
    message: 'Choose at most 93 days',
  });
export type TakingsInput = z.infer<typeof takingsInput>;
