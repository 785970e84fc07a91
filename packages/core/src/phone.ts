import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Normalises a phone number typed in any common format to E.164, reading it in the given
 * default country when it has no international prefix. Returns null when it is not a valid
 * number.
 */
export function normalisePhone(input: string, defaultCountry: string = 'IN'): string | null {
  const trimmed = input.trim();
  if (trimmed.length < 4 || trimmed.length > 32) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry as CountryCode);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}

/** Shows an E.164 number the way people read it, e.g. +91 98765 43210. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** Hides all but the last digits, for messages and logs that must not carry the full number. */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  return `•••• ${digits.slice(-4)}`;
}
