import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { type Database, otpChallenges } from '@carelane/db';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { OTP_POLICY } from './policy';

export type OtpPurpose = 'staff_sign_in' | 'patient_sign_in';

/** Six digits from the CSPRNG, zero-padded. */
export function generateOtp(): string {
  return randomInt(0, 10 ** OTP_POLICY.digits)
    .toString()
    .padStart(OTP_POLICY.digits, '0');
}

/** HMAC with the app secret and the challenge id: a leaked table alone cannot be brute-forced. */
function hashCode(secret: string, challengeId: string, code: string): string {
  return createHmac('sha256', secret).update(`${challengeId}:${code}`).digest('base64url');
}

/**
 * Creates a challenge and returns the code to send. Earlier open challenges for the same phone
 * are closed, so only the newest code works.
 */
export async function createOtpChallenge(
  tx: Pick<Database, 'insert' | 'update'>,
  input: { purpose: OtpPurpose; phone: string; organizationId: string | null; secret: string; now?: Date },
): Promise<{ challengeId: string; code: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const code = generateOtp();
  const challengeId = crypto.randomUUID();
  await tx
    .update(otpChallenges)
    .set({ consumedAt: now })
    .where(
      and(
        eq(otpChallenges.purpose, input.purpose),
        eq(otpChallenges.phone, input.phone),
        isNull(otpChallenges.consumedAt),
      ),
    );
  const expiresAt = new Date(now.getTime() + OTP_POLICY.ttlMs);
  await tx.insert(otpChallenges).values({
    id: challengeId,
    organizationId: input.organizationId,
    purpose: input.purpose,
    phone: input.phone,
    codeHash: hashCode(input.secret, challengeId, code),
    expiresAt,
  });
  return { challengeId, code, expiresAt };
}

export type OtpCheck = { ok: true; challengeId: string } | { ok: false; reason: 'no_code' | 'wrong_code' | 'locked' };

/**
 * Checks a code against the phone's newest open challenge (of one organization, when given).
 * Single use: a correct code closes the challenge; the fifth wrong try closes it too. The row
 * lock makes concurrent checks of one code serial, so a code cannot be used twice.
 */
export async function verifyOtp(
  db: Database,
  input: {
    purpose: OtpPurpose;
    phone: string;
    code: string;
    secret: string;
    organizationId?: string | undefined;
    now?: Date;
  },
): Promise<OtpCheck> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [challenge] = await tx
      .select()
      .from(otpChallenges)
      .where(
        and(
          eq(otpChallenges.purpose, input.purpose),
          eq(otpChallenges.phone, input.phone),
          input.organizationId ? eq(otpChallenges.organizationId, input.organizationId) : undefined,
          isNull(otpChallenges.consumedAt),
          gt(otpChallenges.expiresAt, now),
        ),
      )
      .orderBy(desc(otpChallenges.createdAt))
      .limit(1)
      .for('update');
    if (!challenge) return { ok: false, reason: 'no_code' } as const;
    const expected = Buffer.from(challenge.codeHash);
    const actual = Buffer.from(hashCode(input.secret, challenge.id, input.code.trim()));
    if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
      await tx.update(otpChallenges).set({ consumedAt: now }).where(eq(otpChallenges.id, challenge.id));
      return { ok: true, challengeId: challenge.id } as const;
    }
    const failed = challenge.failedAttempts + 1;
    const locked = failed >= OTP_POLICY.maxWrongTries;
    await tx
      .update(otpChallenges)
      .set({ failedAttempts: sql`${otpChallenges.failedAttempts} + 1`, ...(locked ? { consumedAt: now } : {}) })
      .where(eq(otpChallenges.id, challenge.id));
    return { ok: false, reason: locked ? 'locked' : 'wrong_code' } as const;
  });
}

export function otpFailureMessage(reason: 'no_code' | 'wrong_code' | 'locked'): string {
  switch (reason) {
    case 'no_code':
      return 'That code has expired or was already used. Request a new code.';
    case 'wrong_code':
      return 'That code is not correct. Check the message and try again.';
    case 'locked':
      return 'Too many wrong codes. Request a new code.';
  }
}
