import { type Database, rateLimits } from '@carelane/db';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { OTP_POLICY, PASSWORD_RESET_POLICY, SIGN_IN_LIMITS, TWO_FACTOR_POLICY } from './policy';

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      retryAfterSeconds < 90
        ? `Too many attempts. Please wait ${retryAfterSeconds} seconds and try again.`
        : `Too many attempts. Please try again in ${minutes} minutes.`,
    );
    this.name = 'RateLimitedError';
  }
}

/**
 * Rate limits kept in PostgreSQL (rate-limiter-flexible's Drizzle store), so they hold across
 * every app instance.
 */
export function createRateLimits(db: Database) {
  const make = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix,
      points,
      duration,
      clearExpiredByTimeout: false,
    });
  const limiters = {
    otpResend: make('otp-resend', 1, OTP_POLICY.resendAfterSeconds),
    otpPhone: make('otp-phone', OTP_POLICY.perPhonePerHour, 3600),
    otpIp: make('otp-ip', OTP_POLICY.perIpPerHour, 3600),
    signInIdentifier: make('signin-id', SIGN_IN_LIMITS.perIdentifier, SIGN_IN_LIMITS.windowSeconds),
    signInIp: make('signin-ip', SIGN_IN_LIMITS.perIp, SIGN_IN_LIMITS.windowSeconds),
    // Public form links: generous for a patient on a slow phone, tight for someone guessing.
    formIp: make('form-ip', 120, 3600),
    formToken: make('form-token', 60, 3600),
    // Confirm/cancel links from reminders: a patient opens one a few times; guessing needs many.
    actionLinkIp: make('action-link-ip', 120, 3600),
    // Authenticator and recovery code guesses, per staff member.
    twoFactorUser: make('2fa-user', TWO_FACTOR_POLICY.codeGuessesPerWindow, TWO_FACTOR_POLICY.windowSeconds),
    // An authenticator code's time step once used ("<user>:<step>"): the same code cannot sign in twice.
    totpStepUsed: make('totp-step', 1, 120),
    passwordResetEmail: make('reset-email', PASSWORD_RESET_POLICY.perEmailPerHour, 3600),
    passwordResetIp: make('reset-ip', PASSWORD_RESET_POLICY.perIpPerHour, 3600),
    passwordResetCompleteIp: make('reset-complete-ip', PASSWORD_RESET_POLICY.completePerIpPerHour, 3600),
    passwordChange: make('password-change', PASSWORD_RESET_POLICY.changeTriesPerWindow, 15 * 60),
    // The first-run setup code: the owner needs a few tries at most; guessing needs billions.
    setupIp: make('setup-ip', 10, 3600),
    // Staff invitation links: opened and accepted a few times by one person; guessing needs many.
    invitationIp: make('invitation-ip', 60, 3600),
  };
  return {
    /** Consumes one point from each named limiter; throws RateLimitedError when one is spent. */
    async consume(entries: Array<[keyof typeof limiters, string]>): Promise<void> {
      for (const [name, key] of entries) {
        try {
          await limiters[name].consume(key);
        } catch (err) {
          if (err instanceof RateLimiterRes)
            throw new RateLimitedError(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
          throw err;
        }
      }
    },
    /** Gives back the point an attempt took, once it succeeded: the limit counts failures. */
    async giveBack(name: keyof typeof limiters, key: string): Promise<void> {
      await limiters[name].reward(key, 1);
    },
    /** Forgets an identifier's failures after a successful sign-in. */
    async reset(name: keyof typeof limiters, key: string): Promise<void> {
      await limiters[name].delete(key);
    },
  };
}
export type RateLimits = ReturnType<typeof createRateLimits>;
