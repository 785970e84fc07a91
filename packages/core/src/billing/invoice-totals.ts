import { addMinor, multiplyMinor, percentOfMinor } from '../money';

/**
 * Invoice arithmetic, in integer minor units only. The order and rounding, as on an Indian GST invoice:
 * 1. line subtotal = quantity x unit price (exact);
 * 2. the line's own discount: a percent rounds half up; an amount may not exceed the subtotal;
 * 3. an invoice-wide discount (percent of, or amount up to, the lines after their own discounts) is
 *    shared out across lines in proportion to what is left of each (largest remainder, so the shares
 *    add up to the discount exactly), because GST is charged on the value after discount;
 * 4. tax per line = rate of the line's taxable value, rounded half up per line (not on the sum);
 * 5. line total = taxable + tax; the invoice figures are the sums of the line figures.
 */

export type Discount = { kind: 'percent'; basisPoints: number } | { kind: 'amount'; amountMinor: number };

export type InvoiceLineInput = {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discount?: Discount;
  taxRateBasisPoints?: number;
};

export type InvoiceInput = { currency: string; lines: InvoiceLineInput[]; invoiceDiscount?: Discount };

export type LineTotals = {
  description: string;
  subtotalMinor: number;
  /** The line's own discount plus its share of the invoice discount. */
  discountMinor: number;
  taxableMinor: number;
  taxMinor: number;
  totalMinor: number;
};

export type InvoiceTotals = {
  currency: string;
  lines: LineTotals[];
  subtotalMinor: number;
  discountMinor: number;
  /** The part of `discountMinor` that came from the invoice-wide discount. */
  invoiceDiscountMinor: number;
  taxableMinor: number;
  taxMinor: number;
  totalMinor: number;
};

export type BillingProblem = { field: string; message: string };
export type InvoiceTotalsResult = ({ ok: true } & InvoiceTotals) | ({ ok: false } & BillingProblem);

const MAX_BASIS_POINTS = 10_000;

function isAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function checkDiscount(discount: Discount, field: string): BillingProblem | null {
  if (discount.kind === 'percent') {
    if (
      !Number.isInteger(discount.basisPoints) ||
      discount.basisPoints < 0 ||
      discount.basisPoints > MAX_BASIS_POINTS
    ) {
      return { field: `${field}.basisPoints`, message: 'A percent discount must be between 0% and 100%.' };
    }
    return null;
  }
  if (!isAmount(discount.amountMinor)) {
    return { field: `${field}.amountMinor`, message: 'A discount must be a whole, non-negative amount.' };
  }
  return null;
}

function checkLine(line: InvoiceLineInput, index: number): BillingProblem | null {
  const at = `lines.${index}`;
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    return { field: `${at}.quantity`, message: 'The quantity must be a whole number of at least 1.' };
  }
  if (!isAmount(line.unitPriceMinor)) {
    return { field: `${at}.unitPriceMinor`, message: 'The price must be a whole, non-negative amount.' };
  }
  const rate = line.taxRateBasisPoints;
  if (rate !== undefined && (!Number.isInteger(rate) || rate < 0 || rate > MAX_BASIS_POINTS)) {
    return { field: `${at}.taxRateBasisPoints`, message: 'The tax rate must be between 0% and 100%.' };
  }
  return line.discount ? checkDiscount(line.discount, `${at}.discount`) : null;
}

/** The discount in minor units on `amountMinor`, or null when an amount discount exceeds it. */
function discountOn(amountMinor: number, discount: Discount | undefined): number | null {
  if (!discount) return 0;
  if (discount.kind === 'percent') return percentOfMinor(amountMinor, discount.basisPoints);
  return discount.amountMinor <= amountMinor ? discount.amountMinor : null;
}

/** A stable order over line contents, so equal weights break ties the same way whatever the line order. */
function compareLines(a: InvoiceLineInput, b: InvoiceLineInput): number {
  const key = (l: InvoiceLineInput) =>
    JSON.stringify([l.taxRateBasisPoints ?? 0, l.unitPriceMinor, l.quantity, l.discount ?? null, l.description]);
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Splits `totalMinor` across `weights` in proportion, each share an integer and the shares summing to
 * `totalMinor` exactly: floors first, then one unit each to the largest remainders. `tieOrder` ranks
 * equal remainders. BigInt keeps total x weight exact.
 */
export function allocateMinor(
  totalMinor: number,
  weights: number[],
  tieOrder?: (a: number, b: number) => number,
): number[] {
  const sum = addMinor(...weights);
  if (totalMinor === 0 || sum === 0) return weights.map(() => 0);
  const big = BigInt(totalMinor);
  const bigSum = BigInt(sum);
  const shares = weights.map((w) => Number((big * BigInt(w)) / bigSum));
  const remainders = weights.map((w) => (big * BigInt(w)) % bigSum);
  let left = totalMinor - addMinor(...shares);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] ?? 0n;
      const rb = remainders[b] ?? 0n;
      if (ra !== rb) return ra > rb ? -1 : 1;
      return tieOrder ? tieOrder(a, b) || a - b : a - b;
    });
  for (const i of order) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

export function invoiceTotals(input: InvoiceInput): InvoiceTotalsResult {
  for (const [index, line] of input.lines.entries()) {
    const problem = checkLine(line, index);
    if (problem) return { ok: false, ...problem };
  }
  if (input.invoiceDiscount) {
    const problem = checkDiscount(input.invoiceDiscount, 'invoiceDiscount');
    if (problem) return { ok: false, ...problem };
  }

  const subtotals: number[] = [];
  const ownDiscounts: number[] = [];
  for (const [index, line] of input.lines.entries()) {
    const subtotal = multiplyMinor(line.unitPriceMinor, line.quantity);
    const discount = discountOn(subtotal, line.discount);
    if (discount === null) {
      return {
        ok: false,
        field: `lines.${index}.discount.amountMinor`,
        message: `The discount on line ${index + 1} is more than the line's amount.`,
      };
    }
    subtotals.push(subtotal);
    ownDiscounts.push(discount);
  }

  const afterOwn = subtotals.map((s, i) => s - (ownDiscounts[i] ?? 0));
  const invoiceDiscountMinor = discountOn(addMinor(...afterOwn), input.invoiceDiscount);
  if (invoiceDiscountMinor === null) {
    return {
      ok: false,
      field: 'invoiceDiscount.amountMinor',
      message: 'The invoice discount is more than the amount left to pay on its lines.',
    };
  }
  const shares = allocateMinor(invoiceDiscountMinor, afterOwn, (a, b) =>
    compareLines(input.lines[a] as InvoiceLineInput, input.lines[b] as InvoiceLineInput),
  );

  const lines: LineTotals[] = input.lines.map((line, i) => {
    const subtotalMinor = subtotals[i] ?? 0;
    const discountMinor = (ownDiscounts[i] ?? 0) + (shares[i] ?? 0);
    const taxableMinor = subtotalMinor - discountMinor;
    const taxMinor = percentOfMinor(taxableMinor, line.taxRateBasisPoints ?? 0);
    return {
      description: line.description,
      subtotalMinor,
      discountMinor,
      taxableMinor,
      taxMinor,
      totalMinor: addMinor(taxableMinor, taxMinor),
    };
  });
  const sum = (pick: (l: LineTotals) => number) => addMinor(...lines.map(pick));
  return {
    ok: true,
    currency: input.currency,
    lines,
    subtotalMinor: sum((l) => l.subtotalMinor),
    discountMinor: sum((l) => l.discountMinor),
    invoiceDiscountMinor,
    taxableMinor: sum((l) => l.taxableMinor),
    taxMinor: sum((l) => l.taxMinor),
    totalMinor: sum((l) => l.totalMinor),
  };
}
