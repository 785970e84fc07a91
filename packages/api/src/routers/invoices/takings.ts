import { addMinor } from '@carelane/core';
import type { PAYMENT_METHODS } from '@carelane/db';

export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** How the desk names each method; Razorpay is what the patient paid online. */
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card: 'Card',
  upi: 'UPI',
  bank: 'Bank transfer',
  razorpay: 'Online',
};
const METHODS = Object.keys(PAYMENT_METHOD_LABELS) as PaymentMethod[];

type Amount = { day: string; method: PaymentMethod; amountMinor: number };
type Money = { receivedMinor: number; refundedMinor: number; netMinor: number };

const money = (receivedMinor: number, refundedMinor: number): Money => ({
  receivedMinor,
  refundedMinor,
  netMinor: receivedMinor - refundedMinor,
});

/** Every local date from `from` to `to` inclusive (YYYY-MM-DD; calendar arithmetic in UTC). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

/**
 * The takings as the Billing page shows them: every day of the range (zero when nothing moved),
 * each with its methods, then each method over the range, then the totals. Exact integer sums.
 */
export function takingsTable(input: {
  from: string;
  to: string;
  zone: string;
  currency: string;
  received: Amount[];
  refunded: Amount[];
}) {
  const total = (rows: Amount[], day: string | null, method: PaymentMethod | null) =>
    addMinor(
      ...rows
        .filter((r) => (day === null || r.day === day) && (method === null || r.method === method))
        .map((r) => r.amountMinor),
    );
  const cell = (day: string | null, method: PaymentMethod | null) =>
    money(total(input.received, day, method), total(input.refunded, day, method));
  const used = METHODS.filter((m) => [...input.received, ...input.refunded].some((r) => r.method === m));

  return {
    from: input.from,
    to: input.to,
    zone: input.zone,
    currency: input.currency,
    days: datesBetween(input.from, input.to).map((date) => ({
      date,
      ...cell(date, null),
      methods: used.map((method) => ({ method, label: PAYMENT_METHOD_LABELS[method], ...cell(date, method) })),
    })),
    methods: used.map((method) => ({ method, label: PAYMENT_METHOD_LABELS[method], ...cell(null, method) })),
    totals: cell(null, null),
  };
}
