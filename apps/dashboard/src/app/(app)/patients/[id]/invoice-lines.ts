import { type Discount, type InvoiceLineInput, textToBasisPoints, textToMinor } from '@carelane/core';
import type { Billable } from '@/components/invoices/payments-format';

/** A line typed by hand; every figure still text until it is checked. */
export type FreeLine = {
  key: number;
  description: string;
  quantity: string;
  price: string;
  discount: string;
  tax: string;
};

export const emptyLine = (key: number): FreeLine => ({
  key,
  description: '',
  quantity: '1',
  price: '',
  discount: '',
  tax: '0',
});

/** A typed percent as basis points, empty being 0; null unless it is 0 to 100 %. */
export function percentToBasisPoints(text: string): number | null {
  if (text.trim() === '') return 0;
  const points = textToBasisPoints(text);
  return points !== null && points <= 10_000 ? points : null;
}

/** What is picked from the billable list: "t:<id>", "v:<id>" or "f:<visit id>:<fee kind>". */
export type Picked = ReadonlySet<string>;

export type ApiLine =
  | { treatmentId: string; quantity: number }
  | { appointmentId: string; quantity: number; kind?: 'late_cancellation_fee' | 'no_show_fee' }
  | {
      description: string;
      quantity: number;
      unitPriceMinor: number;
      discount?: Discount;
      taxRateBasisPoints: number;
    };

export type Built = {
  /** For core's invoiceTotals: the same figures the server will use. */
  preview: InvoiceLineInput[];
  lines: ApiLine[];
  /** Field errors of the free lines: "free.<key>.<field>". */
  errors: Record<string, string>;
};

/** The chosen billable items and the typed lines, as the API takes them and as core previews them. */
export function buildLines(billable: Billable | undefined, picked: Picked, free: FreeLine[], currency: string): Built {
  const preview: InvoiceLineInput[] = [];
  const lines: ApiLine[] = [];
  const errors: Record<string, string> = {};
  for (const t of billable?.treatments ?? []) {
    if (!picked.has(`t:${t.id}`)) continue;
    lines.push({ treatmentId: t.id, quantity: 1 });
    preview.push({
      description: t.description,
      quantity: 1,
      unitPriceMinor: t.priceMinor,
      discount: { kind: 'amount', amountMinor: t.discountMinor },
      taxRateBasisPoints: t.taxRateBasisPoints,
    });
  }
  for (const v of billable?.visits ?? []) {
    if (!picked.has(`v:${v.id}`)) continue;
    lines.push({ appointmentId: v.id, quantity: 1 });
    preview.push({ description: v.description, quantity: 1, unitPriceMinor: v.amountMinor });
  }
  for (const f of billable?.fees ?? []) {
    if (!picked.has(`f:${f.id}:${f.kind}`)) continue;
    lines.push({ appointmentId: f.id, kind: f.kind, quantity: 1 });
    preview.push({ description: f.description, quantity: 1, unitPriceMinor: f.amountMinor });
  }
  for (const line of free) {
    const at = `free.${line.key}`;
    const quantity = /^\d+$/.test(line.quantity.trim()) ? Number(line.quantity) : Number.NaN;
    const price = textToMinor(line.price, currency);
    const discount = line.discount.trim() === '' ? 0 : textToMinor(line.discount, currency);
    const tax = percentToBasisPoints(line.tax);
    if (!line.description.trim()) errors[`${at}.description`] = 'Describe the line';
    if (!(quantity >= 1 && quantity <= 1000)) errors[`${at}.quantity`] = 'A whole number from 1 to 1,000';
    if (price === null) errors[`${at}.price`] = 'Enter the price like 500 or 499.50';
    if (discount === null) errors[`${at}.discount`] = 'Enter the discount like 50 or 49.50';
    if (tax === null) errors[`${at}.tax`] = 'A percent from 0 to 100';
    if (price === null || discount === null || tax === null || !(quantity >= 1)) continue;
    const own: Discount | undefined = discount > 0 ? { kind: 'amount', amountMinor: discount } : undefined;
    const description = line.description.trim() || 'Line';
    lines.push({
      description,
      quantity,
      unitPriceMinor: price,
      taxRateBasisPoints: tax,
      ...(own ? { discount: own } : {}),
    });
    preview.push({
      description,
      quantity,
      unitPriceMinor: price,
      taxRateBasisPoints: tax,
      ...(own ? { discount: own } : {}),
    });
  }
  return { preview, lines, errors };
}

/** The invoice-wide discount as typed: a percent or an amount; null when it does not parse. */
export function invoiceDiscountOf(
  kind: 'percent' | 'amount',
  text: string,
  currency: string,
): Discount | undefined | null {
  if (text.trim() === '') return undefined;
  if (kind === 'percent') {
    const basisPoints = percentToBasisPoints(text);
    return basisPoints === null ? null : basisPoints > 0 ? { kind: 'percent', basisPoints } : undefined;
  }
  const amountMinor = textToMinor(text, currency);
  return amountMinor === null ? null : amountMinor > 0 ? { kind: 'amount', amountMinor } : undefined;
}
