import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMinor, type Discount, type InvoiceLineInput, invoiceTotals } from '../src/billing';
import { percentOfMinor } from '../src/money';

const discountArb = (most: number): fc.Arbitrary<Discount> =>
  fc.oneof(
    fc.record({ kind: fc.constant('percent' as const), basisPoints: fc.integer({ min: 0, max: 10_000 }) }),
    fc.record({ kind: fc.constant('amount' as const), amountMinor: fc.integer({ min: 0, max: most }) }),
  );

const lineArb: fc.Arbitrary<InvoiceLineInput> = fc
  .record({
    description: fc.constantFrom('Consultation', 'Filling', 'X-ray', 'Scaling'),
    quantity: fc.integer({ min: 1, max: 50 }),
    unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }),
    taxRateBasisPoints: fc.option(
      fc.oneof(fc.constantFrom(0, 500, 1200, 1800, 2800), fc.integer({ min: 0, max: 10_000 })),
      {
        nil: undefined,
      },
    ),
  })
  .chain((line) =>
    fc
      .option(discountArb(line.quantity * line.unitPriceMinor), { nil: undefined })
      .map((discount) => (discount ? { ...line, discount } : line)),
  );

/** Lines plus an invoice discount that fits them (an amount is drawn as a share of what is left). */
const invoiceArb = fc.record({
  lines: fc.array(lineArb, { maxLength: 12 }),
  invoiceDiscount: fc.option(
    fc.oneof(
      fc.record({ kind: fc.constant('percent' as const), basisPoints: fc.integer({ min: 0, max: 10_000 }) }),
      fc.record({ kind: fc.constant('amount' as const), share: fc.integer({ min: 0, max: 10_000 }) }),
    ),
    { nil: undefined },
  ),
});

type InvoiceArb = typeof invoiceArb extends fc.Arbitrary<infer T> ? T : never;

function build({ lines, invoiceDiscount }: InvoiceArb) {
  if (invoiceDiscount?.kind !== 'amount') return { currency: 'INR', lines, invoiceDiscount };
  const left = invoiceTotals({ currency: 'INR', lines });
  const most = left.ok ? left.taxableMinor : 0;
  return {
    currency: 'INR',
    lines,
    invoiceDiscount: { kind: 'amount' as const, amountMinor: Math.floor((most * invoiceDiscount.share) / 10_000) },
  };
}

function ok(result: ReturnType<typeof invoiceTotals>) {
  if (!result.ok) throw new Error(`${result.field}: ${result.message}`);
  return result;
}

const summary = (t: ReturnType<typeof ok>) => ({
  subtotal: t.subtotalMinor,
  discount: t.discountMinor,
  taxable: t.taxableMinor,
  tax: t.taxMinor,
  total: t.totalMinor,
  lines: t.lines.map((l) => JSON.stringify(l)).sort(),
});

describe('invoiceTotals, for arbitrary lines, discounts and tax rates', () => {
  it('adds up: line total = taxable + tax, taxable = subtotal - discount, invoice = sum of lines', () => {
    fc.assert(
      fc.property(invoiceArb, (arb) => {
        const t = ok(invoiceTotals(build(arb)));
        const sum = (pick: (l: (typeof t.lines)[number]) => number) => t.lines.reduce((s, l) => s + pick(l), 0);
        for (const l of t.lines) {
          expect(l.taxableMinor).toBe(l.subtotalMinor - l.discountMinor);
          expect(l.totalMinor).toBe(l.taxableMinor + l.taxMinor);
        }
        expect(t.totalMinor).toBe(sum((l) => l.totalMinor));
        expect(t.subtotalMinor).toBe(sum((l) => l.subtotalMinor));
        expect(t.discountMinor).toBe(sum((l) => l.discountMinor));
        expect(t.taxMinor).toBe(sum((l) => l.taxMinor));
      }),
    );
  });

  it('is made of non-negative safe integers, and no discount exceeds what it is taken from', () => {
    fc.assert(
      fc.property(invoiceArb, (arb) => {
        const t = ok(invoiceTotals(build(arb)));
        const figures = [
          t.subtotalMinor,
          t.discountMinor,
          t.invoiceDiscountMinor,
          t.taxableMinor,
          t.taxMinor,
          t.totalMinor,
        ];
        for (const l of t.lines) {
          figures.push(l.subtotalMinor, l.discountMinor, l.taxableMinor, l.taxMinor, l.totalMinor);
          expect(l.discountMinor).toBeLessThanOrEqual(l.subtotalMinor);
        }
        for (const f of figures) {
          expect(Number.isSafeInteger(f)).toBe(true);
          expect(f).toBeGreaterThanOrEqual(0);
        }
        expect(t.discountMinor).toBeLessThanOrEqual(t.subtotalMinor);
      }),
    );
  });

  it('charges no tax on lines at a zero rate, and rounds each line within half a paisa', () => {
    fc.assert(
      fc.property(invoiceArb, (arb) => {
        const input = build(arb);
        const t = ok(invoiceTotals(input));
        t.lines.forEach((l, i) => {
          const rate = input.lines[i]?.taxRateBasisPoints ?? 0;
          if (rate === 0) expect(l.taxMinor).toBe(0);
          const error = l.taxMinor * 10_000 - l.taxableMinor * rate;
          expect(error).toBeGreaterThan(-5_000);
          expect(error).toBeLessThanOrEqual(5_000);
        });
      }),
    );
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(
        invoiceArb.chain((arb) =>
          fc.tuple(fc.constant(arb), fc.shuffledSubarray(arb.lines, { minLength: arb.lines.length })),
        ),
        ([arb, shuffled]) => {
          const input = build(arb);
          const a = ok(invoiceTotals(input));
          const b = ok(invoiceTotals({ ...input, lines: shuffled }));
          expect(summary(b)).toEqual(summary(a));
        },
      ),
    );
  });

  it('takes exactly the invoice discount across the lines', () => {
    fc.assert(
      fc.property(invoiceArb, (arb) => {
        const input = build(arb);
        const t = ok(invoiceTotals(input));
        const own = input.lines.map((l) => {
          const subtotal = l.quantity * l.unitPriceMinor;
          if (!l.discount) return 0;
          return l.discount.kind === 'percent'
            ? percentOfMinor(subtotal, l.discount.basisPoints)
            : l.discount.amountMinor;
        });
        expect(t.discountMinor - own.reduce((s, d) => s + d, 0)).toBe(t.invoiceDiscountMinor);
      }),
    );
  });
});

describe('allocateMinor', () => {
  it('sums exactly and keeps each share within one unit of its exact proportion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const shares = allocateMinor(total, weights);
          const sum = weights.reduce((s, w) => s + w, 0);
          if (sum === 0) {
            expect(shares.every((s) => s === 0)).toBe(true);
            return;
          }
          expect(shares.reduce((s, x) => s + x, 0)).toBe(total);
          shares.forEach((share, i) => {
            const exact = (BigInt(total) * BigInt(weights[i] ?? 0)) / BigInt(sum);
            expect(BigInt(share) - exact === 0n || BigInt(share) - exact === 1n).toBe(true);
          });
        },
      ),
    );
  });
});

describe('percentOfMinor', () => {
  it('equals the exact value rounded half up', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const exact = BigInt(amount) * BigInt(bp);
        const got = BigInt(percentOfMinor(amount, bp)) * 10_000n;
        expect(got - exact > -5_000n && got - exact <= 5_000n).toBe(true);
      }),
    );
  });
});
