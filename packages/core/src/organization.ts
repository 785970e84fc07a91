/** Rules for an organization's and its centres' settings, shared by the API and the dashboard forms. */

/** Who may book on the booking site: anyone, only patients the clinic already has, or nobody. */
export const ONLINE_BOOKING_POLICIES = ['anyone', 'existing_patients', 'off'] as const;
export type OnlineBookingPolicy = (typeof ONLINE_BOOKING_POLICIES)[number];

export const ONLINE_BOOKING_LABELS: Record<OnlineBookingPolicy, string> = {
  anyone: 'Anyone, new patients included',
  existing_patients: 'Only patients already registered with the clinic',
  off: 'Nobody: online booking is off',
};

/** ISO weekdays, Monday first, as the centre form shows them. */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** A booking-site address: lowercase letters, digits and single hyphens between them. */
export const SITE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `code` is an ISO 4217 currency code the runtime knows (INR, USD, ...). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

const GSTIN_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/**
 * State code (01-38 and the special 97, 99), the holder's PAN (5 letters, 4 digits, a letter),
 * the registration number within the PAN, the letter Z, and a check character.
 */
const GSTIN_SHAPE = /^(\d{2})[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/** The GSTIN check character: base-36 weights alternating 1 and 2 over the first 14 characters. */
function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = GSTIN_CHARS.indexOf(first14.charAt(i)) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return GSTIN_CHARS.charAt((36 - (sum % 36)) % 36);
}

/** Why `gstin` (upper case, no spaces) is not a valid GSTIN, or null when it is. */
export function gstinProblem(gstin: string): string | null {
  if (gstin.length !== 15) return 'A GSTIN has 15 characters, like 27AAPFU0939F1ZV';
  const shape = GSTIN_SHAPE.exec(gstin);
  const state = Number(shape?.[1]);
  if (!shape || !((state >= 1 && state <= 38) || state === 97 || state === 99)) {
    return 'This is not a GSTIN: it is a state code, the PAN, a digit or letter, Z and a check character';
  }
  if (gstinCheckCharacter(gstin.slice(0, 14)) !== gstin.charAt(14)) {
    return 'This GSTIN’s last character does not match the rest. Check it for a typing mistake';
  }
  return null;
}

/** The tax registration as stored: upper case without spaces. */
export function normaliseTaxId(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Why `taxId` is not a usable tax registration in `country`, or null. India: a GSTIN. */
export function taxIdProblem(taxId: string, country: string): string | null {
  if (country === 'IN') return gstinProblem(taxId);
  if (taxId.length < 4 || taxId.length > 30) return 'Enter the tax registration number, 4 to 30 characters';
  return /^[A-Z0-9./-]+$/.test(taxId) ? null : 'Use letters, digits, dots, slashes and hyphens only';
}

/** The label of the tax registration on invoices and forms. */
export function taxIdLabel(country: string): string {
  return country === 'IN' ? 'GSTIN' : 'Tax registration';
}
