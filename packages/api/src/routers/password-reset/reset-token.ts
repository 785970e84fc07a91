import { createHash, randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { Context } from '../../context';

/** A new reset token: 128 random bits, base64url. Sent once in the email, never stored. */
export function newResetToken(): string {
  return randomBytes(16).toString('base64url');
}

/** What is stored of a token: its SHA-256, so a database leak opens no account. */
export function resetTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The one answer for a link that does not work: unknown, used, expired or malformed. */
export const DEAD_RESET_LINK = 'This reset link has expired or was already used. Ask for a new one.';

export const deadResetLink = () => new TRPCError({ code: 'NOT_FOUND', message: DEAD_RESET_LINK });

/** Password reset is for staff, on the dashboard; patients sign in with a code. */
export function requireDashboard(ctx: Pick<Context, 'audience' | 'formsUrl'>): string {
  if (ctx.audience !== 'staff' || !ctx.formsUrl) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Password reset is not available here.' });
  }
  return ctx.formsUrl.replace(/\/$/, '');
}
