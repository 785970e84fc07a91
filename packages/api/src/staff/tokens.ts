import { createHash, randomBytes } from 'node:crypto';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** The one answer for a token that is unknown, used, expired or revoked: nothing about why. */
export const DEAD_INVITATION = 'This invitation link is no longer valid. Ask your clinic administrator for a new one.';

/** A new invitation token: 128 random bits, base64url (22 characters). Sent once, never stored. */
export function newInvitationToken(): string {
  return randomBytes(16).toString('base64url');
}

/** What is stored of a token: its SHA-256, so a database leak reveals no usable link. */
export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string could be a token at all (anything else is not looked up). */
export function isInvitationToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(token);
}
