import { createRateLimits, loadPrincipal, type Principal, signInStaffWithPassword, totpCode } from '@carelane/auth';
import { auditLog, organizations, staffRecoveryCodes, staffUsers } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { zodDetails } from '../src/errors';
import { callerAs, createClinic, createPatient, createStaff, SECRET, signedInPatient, signedInStaff } from './fixtures';

const PASSWORD = 'old-harbour-lantern-17';

let t: TestDatabase;
let clinic: Awaited<ReturnType<typeof createClinic>>;

async function failure(run: () => Promise<unknown>): Promise<TRPCError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

function expectFieldError(error: TRPCError, field: string) {
  expect(error.code).toBe('BAD_REQUEST');
  expect(zodDetails(error.cause).map((d) => d.field)).toEqual([field]);
}

/** A signed-in staff member (a real session), with a caller that reloads the principal each time. */
async function signedIn(role: 'admin' | 'clinician' | 'front_desk' = 'clinician', organizationId = clinic.org.id) {
  const user = await createStaff(t.db, organizationId, clinic.centre.id, role, PASSWORD);
  const { sessionId } = await signedInStaff(t.db, user.id);
  const principal = () => loadPrincipal(t.db, sessionId);
  const caller = async () => callerAs(t.db, await principal());
  return { user, sessionId, principal, caller };
}

/**
 * A current authenticator code not used before in this test: each time step signs in once, so
 * a second action in the same 30 seconds uses the neighbouring step (one step of drift is allowed).
 */
function codes(secret: string) {
  const used = new Set<string>();
  return async () => {
    for (const offset of [0, -30_000, 30_000]) {
      const code = await totpCode(secret, new Date(Date.now() + offset));
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
    throw new Error('no unused code');
  };
}

/** Starts and confirms two-factor sign-in; returns the app's key, a code source and the recovery codes. */
async function enrol(caller: Awaited<ReturnType<typeof signedIn>>['caller']) {
  const started = await (await caller()).account.twoFactor.start();
  const secret = started.manualKey.replace(/\s/g, '');
  const nextCode = codes(secret);
  const { recoveryCodes } = await (await caller()).account.twoFactor.confirm({ code: await nextCode() });
  return { secret, nextCode, recoveryCodes, started };
}

const userRow = async (id: string) => {
  const [row] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, id));
  if (!row) throw new Error('no user');
  return row;
};

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  clinic = await createClinic(t.db);
});
afterAll(async () => {
  await t.close();
});

describe('setting up two-factor sign-in', () => {
  it('start answers a QR code and a key, and keeps the secret sealed and off until confirmed', async () => {
    const me = await signedIn();
    const started = await (await me.caller()).account.twoFactor.start();
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]+/);
    expect(started.uri).toContain(encodeURIComponent(me.user.email));
    expect(started.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(started.manualKey).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const row = await userRow(me.user.id);
    expect(row.twoFactorEnabledAt).toBeNull();
    expect(row.totpSecretSealed).not.toContain(started.manualKey.replace(/\s/g, ''));
    expect(await (await me.caller()).account.twoFactor.status()).toMatchObject({ enabled: false, required: false });
  });

  it('a wrong code is a field error that changes nothing; a right one turns it on with ten hashed recovery codes', async () => {
    const me = await signedIn();
    const started = await (await me.caller()).account.twoFactor.start();
    expectFieldError(
      await failure(async () => (await me.caller()).account.twoFactor.confirm({ code: '000000' })),
      'code',
    );
    expect((await userRow(me.user.id)).twoFactorEnabledAt).toBeNull();
    const code = await totpCode(started.manualKey.replace(/\s/g, ''));
    const { recoveryCodes } = await (await me.caller()).account.twoFactor.confirm({ code });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await t.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, me.user.id));
    const dump = JSON.stringify(stored);
    for (const c of recoveryCodes) expect(dump).not.toContain(c);
    expect(await (await me.caller()).account.twoFactor.status()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    const again = await failure(async () => (await me.caller()).account.twoFactor.start());
    expect(again.code).toBe('CONFLICT');
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, me.user.id), eq(auditLog.action, 'account.twoFactor.confirm')));
    expect(audited).toHaveLength(1);
  });

  it('confirming before starting is a CONFLICT with a sentence', async () => {
    const me = await signedIn();
    const error = await failure(async () => (await me.caller()).account.twoFactor.confirm({ code: '123456' }));
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Start setting up/) });
  });

  it('after enrolment, signing in asks for the code', async () => {
    const me = await signedIn();
    await enrol(me.caller);
    const deps = { db: t.db, secret: SECRET, rateLimits: createRateLimits(t.db) };
    await expect(
      signInStaffWithPassword(deps, { identifier: me.user.email, password: PASSWORD }, { ip: '10.3.0.1' }),
    ).rejects.toThrow(/^two-factor-required:/);
  });
});

describe('recovery codes and turning it off', () => {
  it('regenerating needs a current code and replaces every old code', async () => {
    const me = await signedIn();
    const { nextCode, recoveryCodes } = await enrol(me.caller);
    expectFieldError(
      await failure(async () => (await me.caller()).account.twoFactor.regenerateRecoveryCodes({ code: '000000' })),
      'code',
    );
    const fresh = await (await me.caller()).account.twoFactor.regenerateRecoveryCodes({ code: await nextCode() });
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(fresh.recoveryCodes.some((c) => recoveryCodes.includes(c))).toBe(false);
    // An old code no longer counts as a second factor.
    const error = await failure(async () =>
      (await me.caller()).account.twoFactor.disable({ password: PASSWORD, code: recoveryCodes[0] ?? '' }),
    );
    expectFieldError(error, 'code');
  });

  it('turning it off needs the password and a code; either wrong changes nothing', async () => {
    const me = await signedIn();
    const { nextCode } = await enrol(me.caller);
    expectFieldError(
      await failure(async () =>
        (await me.caller()).account.twoFactor.disable({ password: 'not-my-password', code: '000000' }),
      ),
      'password',
    );
    expectFieldError(
      await failure(async () => (await me.caller()).account.twoFactor.disable({ password: PASSWORD, code: '000000' })),
      'code',
    );
    expect((await userRow(me.user.id)).twoFactorEnabledAt).not.toBeNull();
    await (await me.caller()).account.twoFactor.disable({ password: PASSWORD, code: await nextCode() });
    const row = await userRow(me.user.id);
    expect(row).toMatchObject({ twoFactorEnabledAt: null, totpSecretSealed: null });
    expect(await t.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, me.user.id))).toEqual(
      [],
    );
  });

  it('a recovery code can turn it off, once', async () => {
    const me = await signedIn();
    const { recoveryCodes } = await enrol(me.caller);
    const code = recoveryCodes[3] ?? '';
    await (await me.caller()).account.twoFactor.disable({ password: PASSWORD, code });
    expect((await userRow(me.user.id)).twoFactorEnabledAt).toBeNull();
  });
});

describe('an organization that requires two-factor sign-in for admins', () => {
  async function strictClinic() {
    const strict = await createClinic(t.db, 'Strict Clinic');
    await t.db.update(organizations).set({ requireAdminTwoFactor: true }).where(eq(organizations.id, strict.org.id));
    return strict;
  }

  it('an admin without it may use only their account until they set it up', async () => {
    const strict = await strictClinic();
    const adminRow = await createStaff(t.db, strict.org.id, strict.centre.id, 'admin', PASSWORD);
    const { sessionId } = await signedInStaff(t.db, adminRow.id);
    const caller = async () => callerAs(t.db, await loadPrincipal(t.db, sessionId));
    const refused = await failure(async () => (await caller()).patients.list({}));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'Set up two-factor sign-in to continue.' });
    expect((await (await caller()).me.profile()).id).toBe(adminRow.id);
    expect(await (await caller()).account.twoFactor.status()).toMatchObject({ enabled: false, required: true });
    const started = await (await caller()).account.twoFactor.start();
    await (await caller()).account.twoFactor.confirm({ code: await totpCode(started.manualKey.replace(/\s/g, '')) });
    await expect((await caller()).patients.list({})).resolves.toBeDefined();
  });

  it('an admin cannot turn it off; other roles are not held to it', async () => {
    const strict = await strictClinic();
    const adminRow = await createStaff(t.db, strict.org.id, strict.centre.id, 'admin', PASSWORD);
    const admin = await signedInStaff(t.db, adminRow.id);
    const caller = async () => callerAs(t.db, await loadPrincipal(t.db, admin.sessionId));
    const { nextCode } = await enrol(caller);
    const error = await failure(async () =>
      (await caller()).account.twoFactor.disable({ password: PASSWORD, code: await nextCode() }),
    );
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/requires two-factor/) });
    expect((await userRow(adminRow.id)).twoFactorEnabledAt).not.toBeNull();
    const desk = await createStaff(t.db, strict.org.id, strict.centre.id, 'front_desk', PASSWORD);
    const deskPrincipal = (await signedInStaff(t.db, desk.id)).principal;
    await expect(callerAs(t.db, deskPrincipal).patients.list({})).resolves.toBeDefined();
  });
});

describe('who may use the account procedures', () => {
  it('only a signed-in staff member: patients and visitors are asked to sign in', async () => {
    const patient = await createPatient(t.db, clinic.org.id);
    const asPatient = await signedInPatient(t.db, patient.id);
    const anonymous: Principal = { kind: 'anonymous' };
    for (const principal of [asPatient, anonymous]) {
      const caller = callerAs(t.db, principal);
      expect((await failure(() => caller.account.twoFactor.status())).code).toBe('UNAUTHORIZED');
      expect((await failure(() => caller.account.twoFactor.start())).code).toBe('UNAUTHORIZED');
      expect(
        (await failure(() => caller.account.changePassword({ currentPassword: 'x', newPassword: 'y' }))).code,
      ).toBe('UNAUTHORIZED');
    }
  });
});
