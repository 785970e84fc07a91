/** A form link is valid this long unless staff choose otherwise. */
export const FORM_LINK_DEFAULT_DAYS = 7;
/** Wrong birth dates before a link locks (staff then see why, and can send a new one). */
export const FORM_LINK_MAX_BIRTH_DATE_ATTEMPTS = 5;

export type FormRequestState = 'sent' | 'opened' | 'submitted' | 'expired' | 'revoked' | 'locked';

export type FormRequestFacts = {
  expiresAt: Date;
  openedAt: Date | null;
  submittedAt: Date | null;
  revokedAt: Date | null;
  lockedAt: Date | null;
};

/**
 * Where a link stands, as the patient page shows it. A submission wins over everything that
 * happened later (it was valid when sent); then revocation, lockout and expiry, which all end it.
 */
export function formRequestState(request: FormRequestFacts, now: Date): FormRequestState {
  if (request.submittedAt) return 'submitted';
  if (request.revokedAt) return 'revoked';
  if (request.lockedAt) return 'locked';
  if (request.expiresAt.getTime() <= now.getTime()) return 'expired';
  return request.openedAt ? 'opened' : 'sent';
}

/** Whether a patient may still use the link (open it, confirm a birth date, submit). */
export function formRequestUsable(request: FormRequestFacts, now: Date): boolean {
  const state = formRequestState(request, now);
  return state === 'sent' || state === 'opened';
}

/**
 * A link's token is 22 base64url characters (128 random bits; only its SHA-256 is stored, by the
 * API). Anything else is not worth a lookup.
 */
export function isFormToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(value);
}
