import { normalisePhone } from '@carelane/core';
import { type Database, dummyPasswordHash, organizations, patients, staffUsers, verifyPassword } from '@carelane/db';
import { enqueueNotification } from '@carelane/integrations';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { auditAuthEvent } from './audit';
import { createOtpChallenge, type OtpPurpose, otpFailureMessage, verifyOtp } from './otp';
import type { RateLimits } from './rate-limit';
import { createPatientSession, createStaffSession, type SessionMeta } from './sessions';

export type AuthDeps = { db: Database; secret: string; rateLimits: RateLimits };

/** A sign-in refusal whose message is safe to show the person signing in. */
export class SignInError extends Error {
  override name = 'SignInError';
}

const GENERIC_PASSWORD_FAILURE = 'Email, phone or password is not correct.';

function ipKey(meta: SessionMeta): string {
  return meta.ip ?? 'unknown';
}

export async function signInStaffWithPassword(
  deps: AuthDeps,
  input: { identifier: string; password: string },
  meta: SessionMeta,
): Promise<string> {
  const identifier = input.identifier.trim().toLowerCase();
  if (!identifier || !input.password) throw new SignInError(GENERIC_PASSWORD_FAILURE);
  const phone = identifier.includes('@') ? null : normalisePhone(identifier);
  const key = phone ?? identifier;
  await deps.rateLimits.consume([
    ['signInIp', ipKey(meta)],
    ['signInIdentifier', key],
  ]);
  const [user] = await deps.db
    .select()
    .from(staffUsers)
    .where(phone ? eq(staffUsers.phone, phone) : sql`lower(${staffUsers.email}) = ${identifier}`);
  // Verify against a dummy hash when there is no such user, so response time does not tell.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid || !user.passwordHash) {
    if (user) {
      await auditAuthEvent(deps.db, {
        organizationId: user.organizationId,
        actorKind: 'staff',
        actorId: user.id,
        action: 'auth.sign_in_failed',
        ip: meta.ip,
      });
    }
    throw new SignInError(GENERIC_PASSWORD_FAILURE);
  }
  if (!user.active) throw new SignInError('This account is disabled. Ask your clinic administrator.');
  await deps.rateLimits.reset('signInIdentifier', key);
  return createStaffSession(deps.db, user.id, meta);
}

function parsePhone(raw: string): string {
  const phone = normalisePhone(raw);
  if (!phone) throw new SignInError('Enter a valid mobile number.');
  return phone;
}

async function checkOtp(deps: AuthDeps, purpose: OtpPurpose, phone: string, code: string, meta: SessionMeta) {
  await deps.rateLimits.consume([
    ['signInIp', ipKey(meta)],
    ['signInIdentifier', `${purpose}:${phone}`],
  ]);
  if (!/^\d{6}$/.test(code.trim())) throw new SignInError('Enter the 6-digit code.');
  const result = await verifyOtp(deps.db, { purpose, phone, code, secret: deps.secret });
  if (!result.ok) throw new SignInError(otpFailureMessage(result.reason));
  await deps.rateLimits.reset('signInIdentifier', `${purpose}:${phone}`);
}

export async function signInStaffWithOtp(
  deps: AuthDeps,
  input: { phone: string; code: string },
  meta: SessionMeta,
): Promise<string> {
  const phone = parsePhone(input.phone);
  await checkOtp(deps, 'staff_sign_in', phone, input.code, meta);
  const [user] = await deps.db.select().from(staffUsers).where(eq(staffUsers.phone, phone));
  if (!user?.active) throw new SignInError('This account is disabled. Ask your clinic administrator.');
  return createStaffSession(deps.db, user.id, meta);
}

export async function signInPatientWithOtp(
  deps: AuthDeps,
  input: { organizationId: string; phone: string; code: string },
  meta: SessionMeta,
): Promise<string> {
  const phone = parsePhone(input.phone);
  await checkOtp(deps, 'patient_sign_in', phone, input.code, meta);
  const [patient] = await deps.db
    .select({ id: patients.id })
    .from(patients)
    .where(
      and(
        eq(patients.organizationId, input.organizationId),
        eq(patients.phone, phone),
        isNull(patients.mergedIntoId),
        isNull(patients.archivedAt),
      ),
    );
  if (!patient) throw new SignInError(otpFailureMessage('no_code'));
  return createPatientSession(deps.db, patient.id, meta);
}

/**
 * Sends a sign-in code through the outbox. The answer is the same whether or not the phone
 * belongs to anyone, so the form cannot be used to discover who is a patient; a code is only
 * created for a phone that can sign in. Returns the outbox id to deliver at once, or null.
 */
export async function requestSignInCode(
  deps: AuthDeps,
  input: { purpose: OtpPurpose; phone: string; organizationId?: string | undefined },
  meta: SessionMeta,
): Promise<{ phone: string; notificationId: string | null }> {
  const phone = normalisePhone(input.phone);
  if (!phone) throw new SignInError('Enter a valid mobile number.');
  await deps.rateLimits.consume([
    ['otpIp', ipKey(meta)],
    ['otpResend', `${input.purpose}:${phone}`],
    ['otpPhone', `${input.purpose}:${phone}`],
  ]);
  const recipient = await findOtpRecipient(deps.db, input.purpose, phone, input.organizationId);
  if (!recipient) return { phone, notificationId: null };
  const notificationId = await deps.db.transaction(async (tx) => {
    const { code } = await createOtpChallenge(tx, {
      purpose: input.purpose,
      phone,
      organizationId: recipient.organizationId,
      secret: deps.secret,
    });
    return enqueueNotification(
      tx,
      {
        organizationId: recipient.organizationId,
        channel: recipient.channel,
        template: 'otp_sign_in',
        recipient: phone,
        payload: { organizationName: recipient.organizationName },
        secret: { code },
        ...(recipient.patientId ? { patientId: recipient.patientId } : {}),
      },
      deps.secret,
    );
  });
  return { phone, notificationId };
}

async function findOtpRecipient(db: Database, purpose: OtpPurpose, phone: string, organizationId?: string) {
  if (purpose === 'staff_sign_in') {
    const [row] = await db
      .select({
        organizationId: staffUsers.organizationId,
        active: staffUsers.active,
        organizationName: organizations.name,
      })
      .from(staffUsers)
      .innerJoin(organizations, eq(organizations.id, staffUsers.organizationId))
      .where(eq(staffUsers.phone, phone));
    return row?.active
      ? {
          organizationId: row.organizationId,
          organizationName: row.organizationName,
          channel: 'sms' as const,
          patientId: null,
        }
      : null;
  }
  if (!organizationId) return null;
  const [row] = await db
    .select({ id: patients.id, consentWhatsapp: patients.consentWhatsapp, organizationName: organizations.name })
    .from(patients)
    .innerJoin(organizations, eq(organizations.id, patients.organizationId))
    .where(
      and(
        eq(patients.organizationId, organizationId),
        eq(patients.phone, phone),
        isNull(patients.mergedIntoId),
        isNull(patients.archivedAt),
      ),
    );
  if (!row) return null;
  // A sign-in code the patient asked for is transactional: WhatsApp when they opted in, else SMS.
  return {
    organizationId,
    organizationName: row.organizationName,
    channel: row.consentWhatsapp ? ('whatsapp' as const) : ('sms' as const),
    patientId: row.id,
  };
}
