import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepaymentDueMinor, prepaymentMinor, visitPaymentStatus } from '../src';

describe('prepayment', () => {
  it('is nothing unless the type asks; the deposit when set; else the whole fee', () => {
    expect(prepaymentMinor({ requiresPrepayment: false, depositMinor: 20_000 }, 50_000)).toBe(0);
    expect(prepaymentMinor({ requiresPrepayment: true, depositMinor: 0 }, 50_000)).toBe(50_000);
    expect(prepaymentMinor({ requiresPrepayment: true, depositMinor: 20_000 }, 50_000)).toBe(20_000);
    expect(prepaymentMinor({ requiresPrepayment: true, depositMinor: 90_000 }, 50_000)).toBe(50_000);
    expect(prepaymentMinor({ requiresPrepayment: true, depositMinor: 0 }, 0)).toBe(0);
  });

  it('what is due never goes below zero nor above the prepayment', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.nat({ max: 10_000_000 }),
        fc.nat({ max: 10_000_000 }),
        fc.nat({ max: 20_000_000 }),
        (requiresPrepayment, depositMinor, feeMinor, creditedMinor) => {
          const policy = { requiresPrepayment, depositMinor };
          const due = prepaymentDueMinor(policy, feeMinor, creditedMinor);
          expect(due).toBeGreaterThanOrEqual(0);
          expect(due).toBeLessThanOrEqual(prepaymentMinor(policy, feeMinor));
          expect(due + Math.min(creditedMinor, prepaymentMinor(policy, feeMinor))).toBe(
            prepaymentMinor(policy, feeMinor),
          );
        },
      ),
    );
  });

  it('a visit is paid when its payments credit the fee, partly paid below it, refunded when all went back', () => {
    expect(visitPaymentStatus({ feeMinor: 50_000, creditedMinor: 50_000, refundedMinor: 0 })).toBe('paid');
    expect(visitPaymentStatus({ feeMinor: 50_000, creditedMinor: 20_000, refundedMinor: 0 })).toBe('partly_paid');
    expect(visitPaymentStatus({ feeMinor: 50_000, creditedMinor: 0, refundedMinor: 50_000 })).toBe('refunded');
    expect(visitPaymentStatus({ feeMinor: 50_000, creditedMinor: 0, refundedMinor: 0 })).toBe('unpaid');
  });
});
