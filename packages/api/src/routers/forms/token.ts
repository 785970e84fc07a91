import { createHash, randomBytes } from 'node:crypto';

/** A new link token: 128 random bits, base64url (22 characters). Shown once, never stored. */
export function newFormToken(): string {
  return randomBytes(16).toString('base64url');
}

/** What is stored of a token: its SHA-256, so a database leak reveals no usable link. */
export function formTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
