import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { type DbOrTx, seal, staffRecoveryCodes, unseal } from '@carelane/db';
import { and, eq, isNull } from 'drizzle-orm';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { TWO_FACTOR_POLICY } from './policy';
import { RateLimitedError, type RateLimits } from './rate-limit';

/*
 * Two-factor sign-in for staff: a TOTP authenticator (RFC 6238: 6 digits, 30-second steps) and
 * ten single-use recovery codes. The TOTP secret is kept sealed with the app secret
 * (staff_users.totp_secret_sealed); recovery codes only as an HMAC keyed with it.
 */

const STEP_SECONDS = 30;

/** The sealing key is the app secret, kept apart from the outbox's by its own prefix. */
const sealKey = (appSecret: string) => `totp-secret:${appSecret}`;

export function newTotpSecret(): string {
  return generateSecret();
}

export function sealTotpSecret(totpSecret: string, appSecret: string): string {
  return seal(totpSecret, sealKey(appSecret));
}

export function openTotpSecret(sealed: string, appSecret: string): string {
  return unseal<string>(sealed, sealKey(appSecret));
}

/** What an authenticator app scans (the otpauth URI as a QR code) or the person types (the key). */
export async function enrolmentDetails(input: { totpSecret: string; organizationName: string; account: string }) {
  const uri = generateURI({
    issuer: `Carelane ${input.organizationName}`,
    label: input.account,
    secret: input.totpSecret,
  });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  // Groups of four are easier to type from the screen; apps ignore the spaces.
  const manualKey = input.totpSecret.replace(/(.{4})/g, '$1 ').trim();
  return { uri, qrSvg, manualKey };
}

/**
 * The time step an authenticator code belongs to, or null. One step of clock drift either way
 * is allowed; a code from two steps ago is not.
 */
export async function totpStep(totpSecret: string, code: string, now = new Date()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret: totpSecret, token: code, epoch, epochTolerance: STEP_SECONDS });
  return result.valid ? Math.floor(epoch / STEP_SECONDS) + result.delta : null;
}

/** The code an authenticator app shows at `at` (for tests and tooling; sign-in only verifies). */
export function totpCode(totpSecret: string, at = new Date()): Promise<string> {
  return generate({ secret: totpSecret, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * Marks a code's time step as used by this person, so the same code (seen over a shoulder, or
 * replayed) cannot be used again. False when it was already used.
 */
async function spendTotpStep(rateLimits: RateLimits, userId: string, step: number): Promise<boolean> {
  try {
    await rateLimits.consume([['totpStepUsed', `${userId}:${step}`]]);
    return true;
  } catch (err) {
    if (err instanceof RateLimitedError) return false;
    throw err;
  }
}

// No 0/o, 1/l/i: read from paper and typed by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Spaces, dashes and capitals do not matter when a recovery code is typed. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function recoveryCodeHash(code: string, appSecret: string): string {
  return createHmac('sha256', appSecret)
    .update(`recovery-code:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}

/** Replaces a person's recovery codes with ten new ones; returns them to show once. */
export async function replaceRecoveryCodes(
  tx: DbOrTx,
  user: { id: string; organizationId: string },
  appSecret: string,
): Promise<string[]> {
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, user.id));
  const codes = Array.from({ length: TWO_FACTOR_POLICY.recoveryCodeCount }, newRecoveryCode);
  await tx.insert(staffRecoveryCodes).values(
    codes.map((code) => ({
      organizationId: user.organizationId,
      staffUserId: user.id,
      codeHash: recoveryCodeHash(code, appSecret),
    })),
  );
  return codes;
}

export type SecondFactorUser = { id: string; organizationId: string; totpSecretSealed: string | null };
export type SecondFactorResult = 'totp' | 'recovery_code' | null;

/**
 * Checks an authenticator code or a recovery code, under the per-person guessing limit (throws
 * RateLimitedError when spent). A recovery code is spent by one conditional UPDATE, so two
 * racing uses of one code cannot both succeed.
 */
export async function checkSecondFactor(
  deps: { db: DbOrTx; secret: string; rateLimits: RateLimits },
  user: SecondFactorUser,
  code: string,
  now = new Date(),
): Promise<SecondFactorResult> {
  await deps.rateLimits.consume([['twoFactorUser', user.id]]);
  const given = code.trim();
  let result: SecondFactorResult = null;
  if (/^\d{6}$/.test(given.replace(/\s/g, ''))) {
    if (!user.totpSecretSealed) return null;
    const step = await totpStep(openTotpSecret(user.totpSecretSealed, deps.secret), given.replace(/\s/g, ''), now);
    if (step !== null && (await spendTotpStep(deps.rateLimits, user.id, step))) result = 'totp';
  } else if (normaliseRecoveryCode(given).length === 10) {
    const [spent] = await deps.db
      .update(staffRecoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(staffRecoveryCodes.staffUserId, user.id),
          eq(staffRecoveryCodes.codeHash, recoveryCodeHash(given, deps.secret)),
          isNull(staffRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: staffRecoveryCodes.id });
    if (spent) result = 'recovery_code';
  }
  if (result) await deps.rateLimits.reset('twoFactorUser', user.id);
  return result;
}

/** A correct confirmation code at enrolment also spends its step, so it cannot sign in after. */
export async function checkEnrolmentCode(
  rateLimits: RateLimits,
  userId: string,
  totpSecret: string,
  code: string,
  now = new Date(),
): Promise<boolean> {
  await rateLimits.consume([['twoFactorUser', userId]]);
  const step = await totpStep(totpSecret, code.replace(/\s/g, ''), now);
  if (step === null || !(await spendTotpStep(rateLimits, userId, step))) return false;
  await rateLimits.reset('twoFactorUser', userId);
  return true;
}

/*
 * Between a correct password (or phone code) and the second factor, the browser holds a ticket:
 * "<user id>.<expiry ms>.<signature>". The signature covers the user's session version, so a
 * password change or reset in between voids it. It proves only the first factor.
 */

function ticketSignature(appSecret: string, userId: string, expires: number, sessionVersion: number): string {
  return createHmac('sha256', appSecret)
    .update(`two-factor-ticket:${userId}:${expires}:${sessionVersion}`)
    .digest('base64url');
}

export function issueTwoFactorTicket(
  appSecret: string,
  user: { id: string; sessionVersion: number },
  now = Date.now(),
): string {
  const expires = now + TWO_FACTOR_POLICY.ticketTtlMs;
  return `${user.id}.${expires}.${ticketSignature(appSecret, user.id, expires, user.sessionVersion)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user id a ticket names, before its signature can be checked against the user's row. */
export function ticketUserId(ticket: string): string | null {
  const [userId] = ticket.split('.');
  return userId && UUID.test(userId) ? userId : null;
}

export function ticketIsValid(
  appSecret: string,
  ticket: string,
  user: { id: string; sessionVersion: number },
  now = Date.now(),
): boolean {
  const [userId, expiresText, given] = ticket.split('.');
  const expires = Number(expiresText);
  if (userId !== user.id || !given || !Number.isSafeInteger(expires) || expires < now) return false;
  const expected = Buffer.from(ticketSignature(appSecret, user.id, expires, user.sessionVersion));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
