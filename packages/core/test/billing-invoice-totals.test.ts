import { describe, expect, it } from 'vitest';
import { allocateMinor, type InvoiceInput, invoiceTotals } from '../src/billing';
import { addMinor, formatMoney, multiplyMinor, percentOfMinor } from '../src/money';

function totals(input: InvoiceInput) {
  const result = invoiceTotals(input);
  if (!result.ok) throw new Error(`${result.field}: ${result.message}`);
  return result;
}

describe('money helpers', () => {
  it('rounds a percentage half up', () => {
    expect(percentOfMinor(125, 1800)).toBe(23); // 22.5 paise
    expect(percentOfMinor(124, 1800)).toBe(22); // 22.32 paise
    expect(percentOfMinor(299_800, 1000)).toBe(29_980);
    expect(percentOfMinor(0, 1800)).toBe(0);
  });
  it('stays exact past 2^53 in the middle of the sum', () => {
    expect(percentOfMinor(Number.MAX_SAFE_INTEGER, 5000)).toBe(4_503_599_627_370_496);
  });
  it('refuses floats, negatives and sums past a safe integer', () => {
    expect(() => percentOfMinor(10.5, 100)).toThrow(RangeError);
    expect(() => percentOfMinor(-1, 100)).toThrow(RangeError);
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => multiplyMinor(2 ** 30, 2 ** 30)).toThrow(RangeError);
    expect(addMinor()).toBe(0);
  });
});

describe('invoice totals, as a clinic accountant would check them', () => {
  it('INR 1,499.00 x 2 with 10% off and 18% GST is INR 3,183.88', () => {
    const t = totals({
      currency: 'INR',
      lines: [
        {
          description: 'Scaling and polishing',
          quantity: 2,
          unitPriceMinor: 149_900,
          discount: { kind: 'percent', basisPoints: 1000 },
          taxRateBasisPoints: 1800,
        },
      ],
    });
    expect(t.lines[0]).toEqual({
      description: 'Scaling and polishing',
      subtotalMinor: 299_800,
      discountMinor: 29_980,
      taxableMinor: 269_820,
      taxMinor: 48_568, // 48,567.6 paise, rounded half up
      totalMinor: 318_388,
    });
    expect(t.totalMinor).toBe(318_388);
    expect(formatMoney(t.totalMinor, 'INR')).toBe('₹3,183.88');
  });

  it('rounds tax per line, not on the sum', () => {
    const line = { description: 'Gauze', quantity: 1, unitPriceMinor: 125, taxRateBasisPoints: 1800 };
    const t = totals({ currency: 'INR', lines: [line, line] });
    expect(t.lines.map((l) => l.taxMinor)).toEqual([23, 23]);
    expect(t.taxMinor).toBe(46); // 45 had it been rounded once on 250 paise
    expect(t.totalMinor).toBe(296);
  });

  it('shares an invoice discount across lines before tax, in proportion', () => {
    const t = totals({
      currency: 'INR',
      lines: [
        { description: 'Root canal', quantity: 1, unitPriceMinor: 100_000, taxRateBasisPoints: 1800 },
        { description: 'X-ray', quantity: 1, unitPriceMinor: 50_000, taxRateBasisPoints: 500 },
      ],
      invoiceDiscount: { kind: 'amount', amountMinor: 30_000 },
    });
    expect(t.lines.map((l) => [l.discountMinor, l.taxableMinor, l.taxMinor, l.totalMinor])).toEqual([
      [20_000, 80_000, 14_400, 94_400],
      [10_000, 40_000, 2_000, 42_000],
    ]);
    expect(t).toMatchObject({
      subtotalMinor: 150_000,
      discountMinor: 30_000,
      invoiceDiscountMinor: 30_000,
      taxableMinor: 120_000,
      taxMinor: 16_400,
      totalMinor: 136_400,
    });
  });

  it('takes a line discount before the invoice discount', () => {
    const t = totals({
      currency: 'INR',
      lines: [
        {
          description: 'Filling',
          quantity: 1,
          unitPriceMinor: 200_000,
          discount: { kind: 'amount', amountMinor: 50_000 },
        },
      ],
      invoiceDiscount: { kind: 'percent', basisPoints: 1000 },
    });
    expect(t.lines[0]).toMatchObject({
      discountMinor: 65_000,
      taxableMinor: 135_000,
      taxMinor: 0,
      totalMinor: 135_000,
    });
    expect(t.invoiceDiscountMinor).toBe(15_000);
  });

  it('breaks a tie for the odd paisa of an invoice discount by the lines, not their order', () => {
    const zero = { description: 'Consultation', quantity: 1, unitPriceMinor: 25 };
    const taxed = { description: 'Gauze', quantity: 1, unitPriceMinor: 25, taxRateBasisPoints: 1800 };
    const invoiceDiscount = { kind: 'amount' as const, amountMinor: 1 };
    const a = totals({ currency: 'INR', lines: [zero, taxed], invoiceDiscount });
    const b = totals({ currency: 'INR', lines: [taxed, zero], invoiceDiscount });
    expect(a.totalMinor).toBe(b.totalMinor);
    expect(a.taxMinor).toBe(b.taxMinor);
  });

  it('an empty invoice totals zero', () => {
    expect(totals({ currency: 'INR', lines: [] })).toMatchObject({ subtotalMinor: 0, totalMinor: 0, lines: [] });
  });

  it('a 100% discount leaves nothing to pay and no tax', () => {
    const t = totals({
      currency: 'INR',
      lines: [{ description: 'Consultation', quantity: 1, unitPriceMinor: 80_000, taxRateBasisPoints: 1800 }],
      invoiceDiscount: { kind: 'percent', basisPoints: 10_000 },
    });
    expect(t).toMatchObject({ discountMinor: 80_000, taxMinor: 0, totalMinor: 0 });
  });
});

describe('invoice input that is refused, naming the field', () => {
  const line = { description: 'Consultation', quantity: 1, unitPriceMinor: 80_000 };
  it.each([
    [{ ...line, discount: { kind: 'amount' as const, amountMinor: 80_001 } }, 'lines.0.discount.amountMinor'],
    [{ ...line, discount: { kind: 'percent' as const, basisPoints: 10_001 } }, 'lines.0.discount.basisPoints'],
    [{ ...line, quantity: 0 }, 'lines.0.quantity'],
    [{ ...line, quantity: 1.5 }, 'lines.0.quantity'],
    [{ ...line, unitPriceMinor: 99.99 }, 'lines.0.unitPriceMinor'],
    [{ ...line, unitPriceMinor: -1 }, 'lines.0.unitPriceMinor'],
    [{ ...line, unitPriceMinor: 2 ** 53 }, 'lines.0.unitPriceMinor'],
    [{ ...line, taxRateBasisPoints: -5 }, 'lines.0.taxRateBasisPoints'],
  ])('%o -> %s', (bad, field) => {
    expect(invoiceTotals({ currency: 'INR', lines: [bad] })).toMatchObject({ ok: false, field });
  });
  it('an invoice discount above what is left on the lines', () => {
    const result = invoiceTotals({
      currency: 'INR',
      lines: [{ ...line, discount: { kind: 'amount', amountMinor: 30_000 } }],
      invoiceDiscount: { kind: 'amount', amountMinor: 50_001 },
    });
    expect(result).toMatchObject({ ok: false, field: 'invoiceDiscount.amountMinor' });
  });
});

describe('allocateMinor', () => {
  it('gives the odd paisa to the largest remainder and sums exactly', () => {
    expect(allocateMinor(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateMinor(10, [1, 2])).toEqual([3, 7]);
    expect(allocateMinor(5, [0, 0])).toEqual([0, 0]);
  });
});
