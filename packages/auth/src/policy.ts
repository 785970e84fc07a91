/** Timeouts and limits of sign-in, in one place. */
export const SESSION_POLICY = {
  staff: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
  patient: { idleMs: 7 * 24 * 3_600_000, absoluteMs: 30 * 24 * 3_600_000 },
  /** last_seen_at is written at most this often, to keep reads cheap. */
  touchEveryMs: 60_000,
} as const;

export const OTP_POLICY = {
  digits: 6,
  ttlMs: 10 * 60_000,
  maxWrongTries: 5,
  /** Minimum gap between two codes to one phone. */
  resendAfterSeconds: 30,
  /** Codes per phone per hour. */
  perPhonePerHour: 5,
  /** Code requests per IP per hour. */
  perIpPerHour: 30,
  /** How long a correct patient code lets the browser finish signing in or registering. */
  proofTtlMs: 10 * 60_000,
} as const;

export const SIGN_IN_LIMITS = {
  /** Password or OTP sign-in attempts per identifier per 15 minutes. */
  perIdentifier: 10,
  /** Sign-in attempts per IP per 15 minutes. */
  perIp: 50,
  windowSeconds: 15 * 60,
} as const;
