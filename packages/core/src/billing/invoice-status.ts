import { addMinor, assertMinor, formatMoney } from '../money';
import { allocateMinor } from './invoice-totals';

export const INVOICE_STATUSES = ['draft', 'issued', 'partly_paid', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  issued: 'Issued',
  partly_paid: 'Partly paid',
  paid: 'Paid',
  void: 'Void',
};

export type InvoiceMoney = {
  totalMinor: number;
  paidMinor: number;
  refundedMinor: number;
  voided: boolean;
  issued: boolean;
};

/**
 * The invoice's status and what is still owed. Money kept = paid - refunded; the balance is total -
 * money kept, negative when the clinic holds more than the invoice (a credit to refund or carry).
 * A refund reopens a paid invoice as partly paid or issued, since the patient owes that money again.
 * An issued invoice of zero is paid: nothing is owed. Void wins over everything: it is owed nothing.
 */
export function invoiceStatus(input: InvoiceMoney): { status: InvoiceStatus; balanceMinor: number } {
  assertMinor(input.totalMinor, 'totalMinor');
  assertMinor(input.paidMinor, 'paidMinor');
  assertMinor(input.refundedMinor, 'refundedMinor');
  const keptMinor = input.paidMinor - input.refundedMinor;
  if (input.voided) return { status: 'void', balanceMinor: 0 };
  const balanceMinor = input.totalMinor - keptMinor;
  if (!input.issued) return { status: 'draft', balanceMinor };
  if (balanceMinor <= 0) return { status: 'paid', balanceMinor };
  if (keptMinor > 0) return { status: 'partly_paid', balanceMinor };
  return { status: 'issued', balanceMinor };
}

/** The status and balance of an invoice as stored (its status column says draft or void). */
export function storedInvoiceStatus(invoice: {
  totalMinor: number;
  paidMinor: number;
  refundedMinor: number;
  status: string;
}): { status: InvoiceStatus; balanceMinor: number } {
  return invoiceStatus({
    totalMinor: invoice.totalMinor,
    paidMinor: invoice.paidMinor,
    refundedMinor: invoice.refundedMinor,
    voided: invoice.status === 'void',
    issued: invoice.status !== 'draft',
  });
}

/** How much of what was paid can still be refunded (never below zero). */
export function refundable(paidMinor: number, refundedMinor: number): number {
  assertMinor(paidMinor, 'paidMinor');
  assertMinor(refundedMinor, 'refundedMinor');
  return Math.max(0, paidMinor - refundedMinor);
}

export type RefundCheck = { ok: true } | { ok: false; field: 'amountMinor'; message: string };

/** Whether a refund of `amountMinor` may be made; refused beyond what was paid and not yet refunded. */
export function checkRefund(input: {
  amountMinor: number;
  paidMinor: number;
  refundedMinor: number;
  currency: string;
}): RefundCheck {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
    return { ok: false, field: 'amountMinor', message: 'A refund must be a whole amount above zero.' };
  }
  const left = refundable(input.paidMinor, input.refundedMinor);
  if (input.amountMinor <= left) return { ok: true };
  if (left === 0) {
    return {
      ok: false,
      field: 'amountMinor',
      message: 'Nothing is left to refund: no payment, or all of it was refunded.',
    };
  }
  const most = formatMoney(left, input.currency);
  return {
    ok: false,
    field: 'amountMinor',
    message: `A refund cannot be more than was paid: at most ${most} can be refunded.`,
  };
}

/**
 * What each line of an invoice has been paid: the money the invoice holds now (paid less
 * refunded, at most its total) shared across the lines in proportion to their totals, exactly
 * (largest remainders). Used to show a treatment's "amount paid".
 */
export function linePaidShares(lineTotalsMinor: number[], paidMinor: number, refundedMinor: number): number[] {
  const lineTotal = addMinor(...lineTotalsMinor);
  const held = Math.min(Math.max(0, paidMinor - refundedMinor), lineTotal);
  return allocateMinor(held, lineTotalsMinor);
}
