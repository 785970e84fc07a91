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

export const TWO_FACTOR_POLICY = {
  /** Wrong authenticator or recovery codes per staff member per 15 minutes. */
  codeGuessesPerWindow: 5,
  windowSeconds: 15 * 60,
  /** How long a correct password (or phone code) waits for the second factor. */
  ticketTtlMs: 5 * 60_000,
  recoveryCodeCount: 10,
} as const;

export const PASSWORD_RESET_POLICY = {
  linkTtlMs: 60 * 60_000,
  /** Reset emails asked for one address per hour, and from one IP per hour. */
  perEmailPerHour: 3,
  perIpPerHour: 10,
  /** Attempts to use a reset link from one IP per hour (guessing tokens needs many). */
  completePerIpPerHour: 30,
  /** Current-password checks per staff member per 15 minutes when changing it. */
  changeTriesPerWindow: 5,
} as const;
