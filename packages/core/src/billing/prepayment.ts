import type { PaymentStatus } from '../constants';

/** An unpaid online booking of a prepaid type keeps its time this long, then it is released. */
export const UNPAID_BOOKING_HOLD_MINUTES = 30;

export type PrepaymentPolicy = { requiresPrepayment: boolean; depositMinor: number };

/**
 * What a patient pays when booking online: nothing unless the type asks for prepayment; then its
 * deposit when it sets one (never more than the fee), else the whole fee.
 */
export function prepaymentMinor(policy: PrepaymentPolicy, feeMinor: number): number {
  if (!policy.requiresPrepayment || feeMinor <= 0) return 0;
  return policy.depositMinor > 0 ? Math.min(policy.depositMinor, feeMinor) : feeMinor;
}

/** How much of the prepayment is still to pay, given what the visit's payments credit now. */
export function prepaymentDueMinor(policy: PrepaymentPolicy, feeMinor: number, creditedMinor: number): number {
  return Math.max(0, prepaymentMinor(policy, feeMinor) - creditedMinor);
}

/** A visit's payment status from what its payments credit now and what was given back. */
export function visitPaymentStatus(input: {
  feeMinor: number;
  creditedMinor: number;
  refundedMinor: number;
}): PaymentStatus {
  if (input.creditedMinor > 0) return input.creditedMinor >= input.feeMinor ? 'paid' : 'partly_paid';
  return input.refundedMinor > 0 ? 'refunded' : 'unpaid';
}
