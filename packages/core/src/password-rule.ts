/**
 * The length part of the staff password rule, for forms and schemas (client and server): at
 * least 10 characters (NIST SP 800-63B asks for 8 minimum; we ask a little more), at most 200 so
 * hashing cannot be made slow on purpose. The common-password list is checked on the server only
 * (`passwordProblem` in @carelane/auth), since it is too big to send to a browser.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function passwordLengthProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  return null;
}
