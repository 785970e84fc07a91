import { normalisePhone } from '@carelane/core';
import {
  type Database,
  type DbOrTx,
  dummyPasswordHash,
  enqueueNotification,
  organizations,
  patients,
  staffUsers,
  verifyPassword,
} from '@carelane/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { auditAuthEvent } from './audit';
import { createOtpChallenge, type OtpPurpose, otpFailureMessage, verifyOtp } from './otp';
import { checkPhoneProof, issuePhoneProof, spendPhoneProof } from './phone-proof';
import type { RateLimits } from './rate-limit';
import { createPatientSession, createStaffSession, type SessionMeta } from './sessions';
import { checkSecondFactor, issueTwoFactorTicket, ticketIsValid, ticketUserId } from './two-factor';

export type AuthDeps = { db: Database; secret: string; rateLimits: RateLimits };

/** A sign-in refusal whose message is safe to show the person signing in. */
export class SignInError extends Error {
  override name = 'SignInError';
}

const GENERIC_PASSWORD_FAILURE = 'Email, phone or password is not correct.';

/** What the sign-in page reads to ask for the second factor; the ticket follows it. */
export const TWO_FACTOR_REQUIRED_PREFIX = 'two-factor-required:';

/**
 * The first factor was right and the account has two-factor sign-in: the page asks for a code
 * and sends it with the ticket. Thrown only after the password or phone code was correct, so
 * it tells nothing to someone who does not have them.
 */
export class TwoFactorRequiredError extends SignInError {
  constructor(readonly ticket: string) {
    super(`${TWO_FACTOR_REQUIRED_PREFIX}${ticket}`);
  }
}

type FirstFactorUser = { id: string; sessionVersion: number; twoFactorEnabledAt: Date | null };

/** Starts the session, or asks for the second factor when the account has one. */
function finishFirstFactor(deps: AuthDeps, user: FirstFactorUser, meta: SessionMeta): Promise<string> {
  if (user.twoFactorEnabledAt) throw new TwoFactorRequiredError(issueTwoFactorTicket(deps.secret, user));
  return createStaffSession(deps.db, user.id, meta);
}

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
  // A shared address (a clinic's one router, the e2e suite) signs many people in: only failures count.
  await deps.rateLimits.giveBack('signInIp', ipKey(meta));
  return finishFirstFactor(deps, user, meta);
}

function parsePhone(raw: string): string {
  const phone = normalisePhone(raw);
  if (!phone) throw new SignInError('Enter a valid mobile number.');
  return phone;
}

/** Checks a code under the sign-in limits; returns the verified challenge's id. */
async function checkOtp(
  deps: AuthDeps,
  input: { purpose: OtpPurpose; phone: string; code: string; organizationId?: string },
  meta: SessionMeta,
): Promise<string> {
  const identifier = `${input.purpose}:${input.phone}`;
  await deps.rateLimits.consume([
    ['signInIp', ipKey(meta)],
    ['signInIdentifier', identifier],
  ]);
  if (!/^\d{6}$/.test(input.code.trim())) throw new SignInError('Enter the 6-digit code.');
  const result = await verifyOtp(deps.db, { ...input, secret: deps.secret });
  if (!result.ok) throw new SignInError(otpFailureMessage(result.reason));
  await deps.rateLimits.reset('signInIdentifier', identifier);
  await deps.rateLimits.giveBack('signInIp', ipKey(meta));
  return result.challengeId;
}

export async function signInStaffWithOtp(
  deps: AuthDeps,
  input: { phone: string; code: string },
  meta: SessionMeta,
): Promise<string> {
  const phone = parsePhone(input.phone);
  await checkOtp(deps, { purpose: 'staff_sign_in', phone, code: input.code }, meta);
  const [user] = await deps.db.select().from(staffUsers).where(eq(staffUsers.phone, phone));
  if (!user?.active) throw new SignInError('This account is disabled. Ask your clinic administrator.');
  return finishFirstFactor(deps, user, meta);
}

const TICKET_FAILURE = 'Your sign-in took too long. Please start again.';

/**
 * The second step for an account with two-factor sign-in: the ticket from the first step and a
 * current authenticator code or an unused recovery code (spent here). Wrong codes are audited
 * and limited per person as well as per IP.
 */
export async function signInStaffWithSecondFactor(
  deps: AuthDeps,
  input: { ticket: string; code: string },
  meta: SessionMeta,
): Promise<string> {
  await deps.rateLimits.consume([['signInIp', ipKey(meta)]]);
  const userId = ticketUserId(input.ticket);
  const [user] = userId ? await deps.db.select().from(staffUsers).where(eq(staffUsers.id, userId)) : [];
  if (!user || !ticketIsValid(deps.secret, input.ticket, user)) throw new SignInError(TICKET_FAILURE);
  if (!user.active) throw new SignInError('This account is disabled. Ask your clinic administrator.');
  if (!input.code.trim()) throw new SignInError('Enter the code from your authenticator app, or a recovery code.');
  const used = await checkSecondFactor(deps, user, input.code);
  const audit = (action: 'auth.two_factor_failed' | 'auth.recovery_code_used') =>
    auditAuthEvent(deps.db, {
      organizationId: user.organizationId,
      actorKind: 'staff',
      actorId: user.id,
      action,
      ip: meta.ip,
    });
  if (!used) {
    await audit('auth.two_factor_failed');
    throw new SignInError('That code is not right. Check your authenticator app, or use a recovery code.');
  }
  if (used === 'recovery_code') await audit('auth.recovery_code_used');
  return createStaffSession(deps.db, user.id, meta);
}

/** The patient who signs in with this phone: not merged into another record, not archived. */
async function findSignInPatient(db: DbOrTx, organizationId: string, phone: string) {
  const [patient] = await db
    .select({ id: patients.id, consentWhatsapp: patients.consentWhatsapp })
    .from(patients)
    .where(
      and(
        eq(patients.organizationId, organizationId),
        eq(patients.phone, phone),
        isNull(patients.mergedIntoId),
        isNull(patients.archivedAt),
      ),
    );
  return patient ?? null;
}

/**
 * Checks a patient's code. Known or new, the answer is a phone proof (see phone-proof.ts):
 * a known patient signs in with it at once, a new one registers with it first. Only someone
 * holding the code learns whether the number is registered.
 */
export async function verifyPatientCode(
  deps: AuthDeps,
  input: { organizationId: string; phone: string; code: string },
  meta: SessionMeta,
): Promise<{ proof: string; registered: boolean }> {
  const phone = parsePhone(input.phone);
  const challengeId = await checkOtp(
    deps,
    { purpose: 'patient_sign_in', phone, code: input.code, organizationId: input.organizationId },
    meta,
  );
  const proof = issuePhoneProof(deps.secret, { id: challengeId, phone, organizationId: input.organizationId });
  const patient = await findSignInPatient(deps.db, input.organizationId, phone);
  return { proof, registered: patient !== null };
}

/** Starts a patient session from a phone proof, and spends the proof. */
export async function signInPatientWithProof(
  deps: AuthDeps,
  input: { organizationId: string; proof: string },
  meta: SessionMeta,
): Promise<string> {
  await deps.rateLimits.consume([['signInIp', ipKey(meta)]]);
  return deps.db.transaction(async (tx) => {
    const proven = await checkPhoneProof(tx, { ...input, secret: deps.secret });
    if (!proven) throw new SignInError(otpFailureMessage('no_code'));
    const patient = await findSignInPatient(tx, input.organizationId, proven.phone);
    // Keep the proof: the new patient still has to say who they are.
    if (!patient) throw new SignInError('Tell us who you are to finish signing in.');
    await spendPhoneProof(tx, proven.challengeId);
    const session = await createPatientSession(tx, patient.id, meta);
    await deps.rateLimits.giveBack('signInIp', ipKey(meta));
    return session;
  });
}

/**
 * Sends a sign-in code through the outbox. The answer is the same whether or not the phone
 * belongs to anyone, so the form cannot be used to discover who is a patient. Staff codes go
 * only to active staff; patient codes go to every number, since a new patient registers after
 * proving the phone. Returns the outbox id to deliver at once, or null.
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
        kind: 'otp_sign_in',
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
  const [organization] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) return null;
  const patient = await findSignInPatient(db, organizationId, phone);
  // A sign-in code the patient asked for is transactional: WhatsApp when they opted in, else SMS.
  return {
    organizationId,
    organizationName: organization.name,
    channel: patient?.consentWhatsapp ? ('whatsapp' as const) : ('sms' as const),
    patientId: patient?.id ?? null,
  };
}
