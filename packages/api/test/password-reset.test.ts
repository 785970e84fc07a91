import { createHash } from 'node:crypto';
import { createRateLimits, loadPrincipal, signInStaffWithPassword } from '@carelane/auth';
import { auditLog, localChannelMessages, notifications, passwordResets, staffUsers } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appRouter, createCallerFactory } from '../src';
import { zodDetails } from '../src/errors';
import { createClinic, createStaff, deps, SECRET, signedInStaff } from './fixtures';

const DEAD = 'This reset link has expired or was already used. Ask for a new one.';
const OLD_PASSWORD = 'old-harbour-lantern-17';
const NEW_PASSWORD = 'quiet-meadow-compass-42';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
const createCaller = createCallerFactory(appRouter);
let ipCounter = 0;

/** Someone not signed in, on the dashboard, from an address of their own (limits are per IP). */
function anonymous(overrides: Parameters<typeof deps>[1] = {}) {
  const ip = `10.7.0.${ipCounter++}`;
  return createCaller({ ...deps(t.db, overrides), principal: { kind: 'anonymous' }, requestId: `test-${ip}`, ip });
}

async function failure(run: () => Promise<unknown>): Promise<TRPCError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

async function staffWithPassword() {
  return createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk', OLD_PASSWORD);
}

/**
 * The token in the newest reset email delivered to `email`, other than `except` (delivery runs
 * after the answer, so this waits for it).
 */
async function tokenSentTo(email: string, except?: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const [message] = await t.db
      .select({ body: localChannelMessages.body })
      .from(localChannelMessages)
      .where(eq(localChannelMessages.recipient, email))
      .orderBy(desc(localChannelMessages.createdAt))
      .limit(1);
    const token = /\/reset-password\/([A-Za-z0-9_-]{22})/.exec(message?.body ?? '')?.[1];
    if (token && token !== except) return token;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no reset email delivered');
}

async function requestReset(email: string) {
  await anonymous().passwordReset.request({ email });
}

async function canSignIn(email: string, password: string): Promise<boolean> {
  const authDeps = { db: t.db, secret: SECRET, rateLimits: createRateLimits(t.db) };
  return signInStaffWithPassword(authDeps, { identifier: email, password }, { ip: `10.8.0.${ipCounter++}` }).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
});
afterAll(async () => {
  // Let background deliveries finish before the database goes.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await t.close();
});

describe('asking for a reset link', () => {
  it('gives the same answer, taking as long, for a known and an unknown address', async () => {
    const user = await staffWithPassword();
    const timed = async (email: string) => {
      const started = Date.now();
      const answer = await anonymous().passwordReset.request({ email });
      return { answer, ms: Date.now() - started };
    };
    const known = await timed(user.email.toUpperCase());
    const unknown = await timed('nobody-here@clinic.example');
    expect(known.answer).toEqual(unknown.answer);
    expect(known.ms).toBeGreaterThanOrEqual(390);
    expect(unknown.ms).toBeGreaterThanOrEqual(390);
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(300);
    const unknownRows = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'password_reset'), eq(notifications.recipient, 'nobody-here@clinic.example')));
    expect(unknownRows).toHaveLength(0);
  });

  it('stores only the hash of a one-hour token; the link waits sealed in the outbox and is dropped once sent', async () => {
    const user = await staffWithPassword();
    await requestReset(user.email);
    const token = await tokenSentTo(user.email);
    const [reset] = await t.db.select().from(passwordResets).where(eq(passwordResets.staffUserId, user.id));
    expect(reset?.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    const minutes = ((reset?.expiresAt.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);
    const [message] = await t.db.select().from(notifications).where(eq(notifications.staffUserId, user.id));
    expect(message).toMatchObject({ kind: 'password_reset', channel: 'email', recipient: user.email, patientId: null });
    expect(JSON.stringify(message)).not.toContain(token);
    expect(message?.status).toBe('sent');
    expect(message?.sealedPayload).toBeNull();
  });

  it('sends nothing to a disabled account, and answers the same', async () => {
    const user = await staffWithPassword();
    await t.db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, user.id));
    expect(await anonymous().passwordReset.request({ email: user.email })).toEqual({ sent: true });
    expect(await t.db.select().from(passwordResets).where(eq(passwordResets.staffUserId, user.id))).toHaveLength(0);
  });

  it('is limited per address, known or not', async () => {
    for (const email of ['limit-me@clinic.example', (await staffWithPassword()).email]) {
      for (let i = 0; i < 3; i++) await anonymous().passwordReset.request({ email });
      const error = await failure(() => anonymous().passwordReset.request({ email }));
      expect(error.code).toBe('TOO_MANY_REQUESTS');
    }
  });

  it('is limited per IP', async () => {
    const ctx = { ...deps(t.db), principal: { kind: 'anonymous' as const }, requestId: 'ip-limit', ip: '10.6.6.6' };
    for (let i = 0; i < 10; i++) await createCaller(ctx).passwordReset.request({ email: `ip-${i}@clinic.example` });
    const error = await failure(() => createCaller(ctx).passwordReset.request({ email: 'ip-last@clinic.example' }));
    expect(error.code).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses a malformed address with a field error', async () => {
    const error = await failure(() => anonymous().passwordReset.request({ email: 'not-an-email' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(zodDetails(error.cause).map((d) => d.field)).toEqual(['email']);
  });

  it('is not offered on the booking site', async () => {
    const error = await failure(() =>
      anonymous({ audience: 'patient', siteOrganizationId: clinic.org.id }).passwordReset.request({
        email: 'x@clinic.example',
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('setting a new password from the link', () => {
  it('sets it, ends every session, closes other links and is audited', async () => {
    const user = await staffWithPassword();
    const { sessionId } = await signedInStaff(t.db, user.id);
    await requestReset(user.email);
    const first = await tokenSentTo(user.email);
    await requestReset(user.email);
    const second = await tokenSentTo(user.email, first);
    expect(await anonymous().passwordReset.complete({ token: second, password: NEW_PASSWORD })).toEqual({
      email: user.email,
    });
    expect((await loadPrincipal(t.db, sessionId)).kind).toBe('anonymous');
    expect(await canSignIn(user.email, NEW_PASSWORD)).toBe(true);
    expect(await canSignIn(user.email, OLD_PASSWORD)).toBe(false);
    const error = await failure(() => anonymous().passwordReset.complete({ token: first, password: NEW_PASSWORD }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: DEAD });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'passwordReset.complete')));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.organizationId).toBe(clinic.org.id);
    expect(JSON.stringify(entries)).not.toContain(NEW_PASSWORD);
  });

  it('works once: a used, an expired and an unknown link get the same answer', async () => {
    const user = await staffWithPassword();
    await requestReset(user.email);
    const token = await tokenSentTo(user.email);
    await anonymous().passwordReset.complete({ token, password: NEW_PASSWORD });
    const used = await failure(() =>
      anonymous().passwordReset.complete({ token, password: 'another-fine-password-9' }),
    );
    const unknown = await failure(() =>
      anonymous().passwordReset.complete({ token: 'AAAAAAAAAAAAAAAAAAAAAA', password: NEW_PASSWORD }),
    );
    const other = await staffWithPassword();
    await requestReset(other.email);
    const late = await tokenSentTo(other.email);
    await t.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.staffUserId, other.id));
    const expired = await failure(() => anonymous().passwordReset.complete({ token: late, password: NEW_PASSWORD }));
    for (const error of [used, unknown, expired]) expect(error).toMatchObject({ code: 'NOT_FOUND', message: DEAD });
    expect(await canSignIn(other.email, OLD_PASSWORD)).toBe(true);
  });

  it('used twice at the same moment, it sets one password', async () => {
    const user = await staffWithPassword();
    await requestReset(user.email);
    const token = await tokenSentTo(user.email);
    const results = await Promise.allSettled([
      anonymous().passwordReset.complete({ token, password: NEW_PASSWORD }),
      anonymous().passwordReset.complete({ token, password: 'second-racer-password-7' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const winner = results[0]?.status === 'fulfilled' ? NEW_PASSWORD : 'second-racer-password-7';
    expect(await canSignIn(user.email, winner)).toBe(true);
  });

  it('refuses a weak password with a field error and keeps the link working', async () => {
    const user = await staffWithPassword();
    await requestReset(user.email);
    const token = await tokenSentTo(user.email);
    for (const weak of ['short', 'password123', user.email]) {
      const error = await failure(() => anonymous().passwordReset.complete({ token, password: weak }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(zodDetails(error.cause).map((d) => d.field)).toEqual(['password']);
    }
    expect(await canSignIn(user.email, OLD_PASSWORD)).toBe(true);
    await anonymous().passwordReset.complete({ token, password: NEW_PASSWORD });
    expect(await canSignIn(user.email, NEW_PASSWORD)).toBe(true);
  });
});
