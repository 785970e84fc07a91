import { createRateLimits, loadPrincipal, signInStaffWithPassword } from '@carelane/auth';
import { auditLog, staffUsers } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { zodDetails } from '../src/errors';
import { callerAs, createClinic, createStaff, SECRET, signedInStaff } from './fixtures';

const OLD = 'old-harbour-lantern-17';
const NEW = 'quiet-meadow-compass-42';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;
let ipCounter = 0;

async function failure(run: () => Promise<unknown>): Promise<TRPCError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

async function canSignIn(email: string, password: string): Promise<boolean> {
  const deps = { db: t.db, secret: SECRET, rateLimits: createRateLimits(t.db) };
  return signInStaffWithPassword(deps, { identifier: email, password }, { ip: `10.4.0.${ipCounter++}` }).then(
    () => true,
    () => false,
  );
}

const passwordHash = async (id: string) =>
  (await t.db.select({ h: staffUsers.passwordHash }).from(staffUsers).where(eq(staffUsers.id, id)))[0]?.h;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
});
afterAll(async () => {
  await t.close();
});

describe('changing one’s password', () => {
  it('needs the current password: a wrong one is a field error that changes nothing', async () => {
    const user = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk', OLD);
    const { principal } = await signedInStaff(t.db, user.id);
    const before = await passwordHash(user.id);
    const error = await failure(() =>
      callerAs(t.db, principal).account.changePassword({ currentPassword: 'wrong-password-1', newPassword: NEW }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(zodDetails(error.cause)).toEqual([
      { field: 'currentPassword', message: 'This is not your current password.' },
    ]);
    expect(await passwordHash(user.id)).toBe(before);
  });

  it('refuses a new password the rule refuses, or the same one, with a field error', async () => {
    const user = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'clinician', OLD);
    const { principal } = await signedInStaff(t.db, user.id);
    for (const weak of ['short', 'password123', user.email, OLD]) {
      const error = await failure(() =>
        callerAs(t.db, principal).account.changePassword({ currentPassword: OLD, newPassword: weak }),
      );
      expect(error.code).toBe('BAD_REQUEST');
      expect(zodDetails(error.cause).map((d) => d.field)).toEqual(['newPassword']);
    }
    expect(await canSignIn(user.email, OLD)).toBe(true);
  });

  it('ends every other session, keeps this one, and is audited', async () => {
    const user = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'manager', OLD);
    const here = await signedInStaff(t.db, user.id);
    const elsewhere = await signedInStaff(t.db, user.id);
    await callerAs(t.db, here.principal).account.changePassword({ currentPassword: OLD, newPassword: NEW });
    expect((await loadPrincipal(t.db, here.sessionId)).kind).toBe('staff');
    expect((await loadPrincipal(t.db, elsewhere.sessionId)).kind).toBe('anonymous');
    expect(await canSignIn(user.email, NEW)).toBe(true);
    expect(await canSignIn(user.email, OLD)).toBe(false);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'account.changePassword')));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(NEW);
  });

  it('limits wrong current passwords per person', async () => {
    const user = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk', OLD);
    const { principal } = await signedInStaff(t.db, user.id);
    const attempt = () =>
      failure(() =>
        callerAs(t.db, principal).account.changePassword({ currentPassword: 'guess-guess-1', newPassword: NEW }),
      );
    for (let i = 0; i < 5; i++) expect((await attempt()).code).toBe('BAD_REQUEST');
    expect((await attempt()).code).toBe('TOO_MANY_REQUESTS');
  });
});
