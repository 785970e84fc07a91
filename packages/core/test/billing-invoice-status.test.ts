import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRefund, invoiceStatus, linePaidShares, refundable, storedInvoiceStatus } from '../src/billing';

const invoice = { totalMinor: 100_000, paidMinor: 0, refundedMinor: 0, voided: false, issued: true };

describe('invoice status and balance', () => {
  it.each([
    [{ issued: false }, 'draft', 100_000],
    [{}, 'issued', 100_000],
    [{ paidMinor: 40_000 }, 'partly_paid', 60_000],
    [{ paidMinor: 100_000 }, 'paid', 0],
    [{ paidMinor: 120_000 }, 'paid', -20_000],
    [{ paidMinor: 100_000, refundedMinor: 30_000 }, 'partly_paid', 30_000],
    [{ paidMinor: 100_000, refundedMinor: 100_000 }, 'issued', 100_000],
    [{ paidMinor: 100_000, voided: true }, 'void', 0],
    [{ totalMinor: 0 }, 'paid', 0],
  ])('%o -> %s, balance %i', (change, status, balanceMinor) => {
    expect(invoiceStatus({ ...invoice, ...change })).toEqual({ status, balanceMinor });
  });

  it('refuses amounts that are not whole', () => {
    expect(() => invoiceStatus({ ...invoice, paidMinor: 0.5 })).toThrow(RangeError);
  });

  it('balance = total - (paid - refunded), and paid means nothing is owed', () => {
    const amount = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(amount, amount, amount, fc.boolean(), (totalMinor, paidMinor, refundedMinor, issued) => {
        const r = invoiceStatus({ totalMinor, paidMinor, refundedMinor, issued, voided: false });
        expect(r.balanceMinor).toBe(totalMinor - (paidMinor - refundedMinor));
        if (r.status === 'paid') expect(r.balanceMinor).toBeLessThanOrEqual(0);
        if (r.status === 'partly_paid' || r.status === 'issued') expect(r.balanceMinor).toBeGreaterThan(0);
      }),
    );
  });
});

describe('refunds', () => {
  it('allows up to what was paid and not yet refunded', () => {
    expect(refundable(50_000, 20_000)).toBe(30_000);
    expect(refundable(50_000, 60_000)).toBe(0);
    expect(checkRefund({ amountMinor: 30_000, paidMinor: 50_000, refundedMinor: 20_000, currency: 'INR' })).toEqual({
      ok: true,
    });
  });

  it('refuses more, in words a receptionist understands', () => {
    expect(checkRefund({ amountMinor: 30_001, paidMinor: 50_000, refundedMinor: 20_000, currency: 'INR' })).toEqual({
      ok: false,
      field: 'amountMinor',
      message: 'A refund cannot be more than was paid: at most ₹300 can be refunded.',
    });
    expect(checkRefund({ amountMinor: 1, paidMinor: 0, refundedMinor: 0, currency: 'INR' })).toMatchObject({
      ok: false,
      message: 'Nothing is left to refund: no payment, or all of it was refunded.',
    });
    expect(checkRefund({ amountMinor: 0, paidMinor: 10, refundedMinor: 0, currency: 'INR' })).toMatchObject({
      ok: false,
    });
    expect(checkRefund({ amountMinor: 2.5, paidMinor: 10, refundedMinor: 0, currency: 'INR' })).toMatchObject({
      ok: false,
    });
  });

  it('never lets refunds add up past what was paid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 400_000 })),
        (paid, asks) => {
          let refunded = 0;
          for (const amountMinor of asks) {
            if (checkRefund({ amountMinor, paidMinor: paid, refundedMinor: refunded, currency: 'INR' }).ok)
              refunded += amountMinor;
          }
          expect(refunded).toBeLessThanOrEqual(paid);
        },
      ),
    );
  });
});

describe('linePaidShares', () => {
  it('shares what the invoice holds across its lines by their totals, exactly', () => {
    expect(linePaidShares([60_000, 180_000], 100_000, 0)).toEqual([25_000, 75_000]);
    expect(linePaidShares([60_000, 180_000], 240_000, 40_000)).toEqual([50_000, 150_000]);
    expect(linePaidShares([1, 1, 1], 2, 0)).toEqual([1, 1, 0]);
    expect(linePaidShares([50_000], 0, 0)).toEqual([0]);
  });

  it('never hands out more than the invoice holds nor more than a line costs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.nat({ max: 80_000_000 }),
        fc.nat({ max: 80_000_000 }),
        (lines, paid, refunded) => {
          const shares = linePaidShares(lines, paid, Math.min(refunded, paid));
          const held = Math.min(
            paid - Math.min(refunded, paid),
            lines.reduce((a, b) => a + b, 0),
          );
          expect(shares.reduce((a, b) => a + b, 0)).toBe(held);
          shares.forEach((share, i) => {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(lines[i] ?? 0);
          });
        },
      ),
    );
  });
});

describe('the status of a stored invoice', () => {
  it('reads draft and void from the status column, and is invoiceStatus otherwise', () => {
    const stored = fc.constantFrom('draft', 'issued', 'partly_paid', 'paid', 'void');
    fc.assert(
      fc.property(
        fc.nat(10_000_000),
        fc.nat(10_000_000),
        fc.nat(10_000_000),
        stored,
        (totalMinor, paidMinor, refunded, status) => {
          const refundedMinor = Math.min(refunded, paidMinor);
          const money = { totalMinor, paidMinor, refundedMinor };
          expect(storedInvoiceStatus({ ...money, status })).toEqual(
            invoiceStatus({ ...money, voided: status === 'void', issued: status !== 'draft' }),
          );
          if (status === 'void') expect(storedInvoiceStatus({ ...money, status }).status).toBe('void');
          if (status === 'draft') expect(storedInvoiceStatus({ ...money, status }).status).toBe('draft');
        },
      ),
    );
  });
});
