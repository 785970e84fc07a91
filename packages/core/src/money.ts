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
