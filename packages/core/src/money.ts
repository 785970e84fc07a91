/** Money is an integer count of minor units plus an ISO 4217 currency; never a float. */
export type Money = { amountMinor: number; currency: string };

const MINOR_DIGITS: Record<string, number> = { INR: 2, USD: 2, EUR: 2, GBP: 2, JPY: 0 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

export function formatMoney(amountMinor: number, currency: string, locale = 'en-IN'): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError('amountMinor must be a safe integer');
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: amountMinor % 10 ** digits === 0 ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(amountMinor / 10 ** digits);
}

/** Throws unless `amountMinor` is a whole number JavaScript can hold exactly; `name` says which value. */
export function assertMinor(amountMinor: number, name = 'amountMinor'): void {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`${name} must be a safe integer`);
}

/** Exact sum of minor amounts; throws rather than lose a paisa past 2^53. */
export function addMinor(...amounts: number[]): number {
  let sum = 0;
  for (const amount of amounts) {
    assertMinor(amount);
    sum += amount;
    assertMinor(sum, 'sum');
  }
  return sum;
}

/** Exact product of a minor amount and a whole quantity; throws past 2^53. */
export function multiplyMinor(amountMinor: number, quantity: number): number {
  assertMinor(amountMinor);
  assertMinor(quantity, 'quantity');
  const product = amountMinor * quantity;
  assertMinor(product, 'product');
  return product;
}

/**
 * `basisPoints` / 10,000 of a non-negative amount, rounded half up (1,000 bp of 5 paise is 1 paisa, as
 * GST invoices round). BigInt keeps amount x basis points exact beyond 2^53.
 */
export function percentOfMinor(amountMinor: number, basisPoints: number): number {
  assertMinor(amountMinor);
  assertMinor(basisPoints, 'basisPoints');
  if (amountMinor < 0 || basisPoints < 0) throw new RangeError('percentOfMinor takes non-negative values');
  const result = Number((BigInt(amountMinor) * BigInt(basisPoints) + 5000n) / 10000n);
  assertMinor(result, 'result');
  return result;
}
