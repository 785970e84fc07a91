import { describe, expect, it } from 'vitest';
import { feeLine, offeredFees } from '../src';

const policy = { lateCancellationFeeMinor: 20_000, noShowFeeMinor: 0 };

describe('feeLine', () => {
  it('offers a late cancellation fee only for a visit cancelled late, at the policy amount', () => {
    expect(feeLine('late_cancellation_fee', { status: 'cancelled', lateCancellation: true }, policy)).toEqual({
      ok: true,
      amountMinor: 20_000,
      label: 'Late cancellation fee',
    });
    expect(feeLine('late_cancellation_fee', { status: 'cancelled', lateCancellation: false }, policy).ok).toBe(false);
    expect(feeLine('late_cancellation_fee', { status: 'completed', lateCancellation: true }, policy).ok).toBe(false);
  });

  it('needs an amount when the policy sets no fee, and takes the one staff give', () => {
    const missed = { status: 'no_show', lateCancellation: false };
    expect(feeLine('no_show_fee', missed, policy)).toMatchObject({ ok: false, message: /sets no no-show fee/ });
    expect(feeLine('no_show_fee', missed, policy, 15_000)).toMatchObject({ ok: true, amountMinor: 15_000 });
    expect(feeLine('no_show_fee', { status: 'confirmed', lateCancellation: false }, policy, 15_000).ok).toBe(false);
  });

  it('lists the fees a visit may carry', () => {
    expect(offeredFees({ status: 'cancelled', lateCancellation: true }, policy).map((f) => f.kind)).toEqual([
      'late_cancellation_fee',
    ]);
    expect(offeredFees({ status: 'no_show', lateCancellation: false }, policy)).toEqual([]);
    expect(offeredFees({ status: 'no_show', lateCancellation: false }, { ...policy, noShowFeeMinor: 5 })).toHaveLength(
      1,
    );
  });
});
