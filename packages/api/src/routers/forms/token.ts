import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new link token: 128 random bits, base64url (22 characters). Shown once, never stored. */
export function newFormToken(): string {
  return randomBytes(16).toString('base64url');
}

/** What is stored of a token: its SHA-256, so a database leak reveals no usable link. */
export function formTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** How long a confirmed birth date lets the patient answer before confirming again. */
export const FORM_PASS_MS = 2 * 60 * 60 * 1000;

function passSignature(secret: string, requestId: string, until: number): string {
  return createHmac('sha256', secret).update(`form-pass:${requestId}:${until}`).digest('base64url');
}

/**
 * What the patient's browser holds after confirming the birth date: "<until>.<signature>", bound
 * to the link (the request id never leaves the server) and valid for FORM_PASS_MS.
 */
export function issueFormPass(secret: string, requestId: string, now = Date.now()): string {
  const until = now + FORM_PASS_MS;
  return `${until}.${passSignature(secret, requestId, until)}`;
}

/** Whether a pass was issued for this link and is still valid (compared in constant time). */
export function checkFormPass(secret: string, requestId: string, pass: string, now = Date.now()): boolean {
  const [untilText, given] = pass.split('.');
  const until = Number(untilText);
  if (!given || !Number.isSafeInteger(until) || until < now) return false;
  const expected = Buffer.from(passSignature(secret, requestId, until));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
