import { minorDigits } from './money';

/**
 * Typed decimals to whole scaled units and back, exactly: by digits, never through a float product
 * (0.29 * 100 is 28.999...). Forms type rupees and percentages; the API stores paise and basis points.
 */
function parseScaled(text: string, digits: number): number | null {
  const match = (digits ? new RegExp(`^(\\d+)(?:\\.(\\d{1,${digits}}))?$`) : /^(\d+)$/).exec(text.trim());
  if (!match?.[1]) return null;
  const scaled = Number(`${match[1]}${(match[2] ?? '').padEnd(digits, '0')}`);
  return Number.isSafeInteger(scaled) ? scaled : null;
}

/** 50000, 2 -> "500"; 49950, 2 -> "499.50"; whole amounts drop the decimals, others keep them all. */
function formatScaled(scaled: number, digits: number): string {
  if (!Number.isSafeInteger(scaled)) throw new RangeError('The amount must be a safe integer');
  const sign = scaled < 0 ? '-' : '';
  const text = String(Math.abs(scaled)).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  return `${sign}${whole}${fraction && /[^0]/.test(fraction) ? `.${fraction}` : ''}`;
}

/** "1500" or "1499.5" rupees typed in a form -> paise; null when it is not a non-negative amount. */
export function textToMinor(text: string, currency: string): number | null {
  return parseScaled(text, minorDigits(currency));
}

/** Paise -> rupees as a form shows them: 150000 -> "1500"; 149950 -> "1499.50". */
export function minorToText(amountMinor: number, currency: string): string {
  return formatScaled(amountMinor, minorDigits(currency));
}

/** A percentage typed with up to 2 decimals -> basis points: "18" -> 1800, "12.5" -> 1250; else null. */
export function textToBasisPoints(text: string): number | null {
  return parseScaled(text, 2);
}

/** Basis points -> a percentage without trailing zeros: 1800 -> "18", 1250 -> "12.5", 25 -> "0.25". */
export function basisPointsToText(basisPoints: number): string {
  const text = formatScaled(basisPoints, 2);
  return text.includes('.') ? text.replace(/0$/, '') : text;
}
