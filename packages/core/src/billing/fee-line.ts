export type FeeKind = 'late_cancellation_fee' | 'no_show_fee';

export type FeeVisit = { status: string; lateCancellation: boolean };
export type FeePolicy = { lateCancellationFeeMinor: number; noShowFeeMinor: number };

export type FeeLineResult = { ok: true; amountMinor: number; label: string } | { ok: false; message: string };

const LABELS: Record<FeeKind, string> = {
  late_cancellation_fee: 'Late cancellation fee',
  no_show_fee: 'No-show fee',
};

/**
 * Whether a visit may carry a late-cancellation or no-show fee, and how much its type's policy
 * asks. Staff may bill another amount (`priceMinor`), but only for a visit the fee applies to.
 */
export function feeLine(kind: FeeKind, visit: FeeVisit, policy: FeePolicy, priceMinor?: number): FeeLineResult {
  if (kind === 'late_cancellation_fee' && !(visit.status === 'cancelled' && visit.lateCancellation)) {
    return { ok: false, message: 'Only a visit the patient cancelled late can carry a late cancellation fee.' };
  }
  if (kind === 'no_show_fee' && visit.status !== 'no_show') {
    return { ok: false, message: 'Only a visit marked as a no-show can carry a no-show fee.' };
  }
  const amountMinor =
    priceMinor ?? (kind === 'late_cancellation_fee' ? policy.lateCancellationFeeMinor : policy.noShowFeeMinor);
  if (amountMinor <= 0) {
    return { ok: false, message: `This visit type sets no ${LABELS[kind].toLowerCase()}; enter the amount to bill.` };
  }
  return { ok: true, amountMinor, label: LABELS[kind] };
}

/** The fees a visit's type policy offers for it (for the "add fee" suggestions when invoicing). */
export function offeredFees(
  visit: FeeVisit,
  policy: FeePolicy,
): { kind: FeeKind; amountMinor: number; label: string }[] {
  const kinds: FeeKind[] = ['late_cancellation_fee', 'no_show_fee'];
  return kinds.flatMap((kind) => {
    const fee = feeLine(kind, visit, policy);
    return fee.ok ? [{ kind, amountMinor: fee.amountMinor, label: fee.label }] : [];
  });
}
