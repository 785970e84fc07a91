import { createHmac, timingSafeEqual } from 'node:crypto';
import { type DbOrTx, otpChallenges } from '@carelane/db';
import { and, eq, gt } from 'drizzle-orm';
import { OTP_POLICY } from './policy';

/*
 * A phone proof is what the browser holds for a few minutes after a correct patient code:
 * "<challenge id>.<signature>". The signature (HMAC with the app secret over the challenge id,
 * phone and organization) says the server issued it when that challenge's code was verified;
 * the challenge row says it is fresh (consumed_at is when the code was verified) and unspent
 * (starting a session deletes the row). The phone always comes from the row, never from the
 * client, so a proof cannot speak for another number or another clinic.
 */

type VerifiedChallenge = { id: string; phone: string; organizationId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function signature(secret: string, challenge: VerifiedChallenge): string {
  return createHmac('sha256', secret)
    .update(`phone-proof:${challenge.id}:${challenge.phone}:${challenge.organizationId}`)
    .digest('base64url');
}

/** Only for a challenge whose code was just verified. */
export function issuePhoneProof(secret: string, challenge: VerifiedChallenge): string {
  return `${challenge.id}.${signature(secret, challenge)}`;
}

/**
 * The phone a proof stands for, or null when it is forged, older than the proof lifetime, spent,
 * or for another organization. Locks the challenge row until the transaction ends, so two uses
 * of one proof run one after the other and the second sees what the first did.
 */
export async function checkPhoneProof(
  tx: DbOrTx,
  input: { proof: string; organizationId: string; secret: string; now?: Date },
): Promise<{ challengeId: string; phone: string } | null> {
  const [challengeId, given] = input.proof.split('.');
  if (!challengeId || !given || !UUID.test(challengeId)) return null;
  const now = input.now ?? new Date();
  const [row] = await tx
    .select({ id: otpChallenges.id, phone: otpChallenges.phone })
    .from(otpChallenges)
    .where(
      and(
        eq(otpChallenges.id, challengeId),
        eq(otpChallenges.purpose, 'patient_sign_in'),
        eq(otpChallenges.organizationId, input.organizationId),
        gt(otpChallenges.consumedAt, new Date(now.getTime() - OTP_POLICY.proofTtlMs)),
      ),
    )
    .for('update');
  if (!row) return null;
  const expected = Buffer.from(signature(input.secret, { ...row, organizationId: input.organizationId }));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { challengeId: row.id, phone: row.phone };
}

/** After a proof started a session: it cannot start another. */
export async function spendPhoneProof(tx: DbOrTx, challengeId: string): Promise<void> {
  await tx.delete(otpChallenges).where(eq(otpChallenges.id, challengeId));
}
