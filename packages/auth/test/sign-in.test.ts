import { auditLog, staffUsers } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOtpChallenge } from '../src/otp';
import { SIGN_IN_LIMITS } from '../src/policy';
import { RateLimitedError } from '../src/rate-limit';
import { loadPrincipal } from '../src/sessions';
import { SignInError, signInStaffWithOtp, signInStaffWithPassword } from '../src/sign-in';
import { authDeps, createOrganization, createStaff, SECRET } from './fixtures';

let t: TestDatabase;
let org: Awaited<ReturnType<typeof createOrganization>>;
const deps = () => authDeps(t.db);

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  org = await createOrganization(t.db);
});
afterAll(() => t.close());

describe('staff password sign-in', () => {
  it('accepts email (any case) or phone in any format, and audits the sign-in', async () => {
    const user = await createStaff(t.db, org.id, 'front_desk', 'correct horse battery');
    const byEmail = await signInStaffWithPassword(
      deps(),
      { identifier: user.email.toUpperCase(), password: 'correct horse battery' },
      { ip: '10.1.0.1' },
    );
    expect((await loadPrincipal(t.db, byEmail)).kind).toBe('staff');
    const local = (user.phone ?? '').replace('+91', '0');
    const byPhone = await signInStaffWithPassword(
      deps(),
      { identifier: local, password: 'correct horse battery' },
      { ip: '10.1.0.1' },
    );
    expect(byPhone).not.toBe(byEmail);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'auth.sign_in')));
    expect(entries).toHaveLength(2);
  });

  it('stores only an argon2id hash at OWASP parameters', async () => {
    const user = await createStaff(t.db, org.id, 'admin', 'a long passphrase');
    const [row] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const user = await createStaff(t.db, org.id, 'clinician', 'right password here');
    const wrong = await signInStaffWithPassword(
      deps(),
      { identifier: user.email, password: 'nope' },
      { ip: '10.1.0.2' },
    ).catch((e: unknown) => e);
    const unknown = await signInStaffWithPassword(
      deps(),
      { identifier: 'nobody@nowhere.example', password: 'nope' },
      { ip: '10.1.0.2' },
    ).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(SignInError);
    expect(unknown).toBeInstanceOf(SignInError);
    expect((wrong as Error).message).toBe((unknown as Error).message);
    const failures = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'auth.sign_in_failed')));
    expect(failures).toHaveLength(1);
    expect(failures[0]?.success).toBe(false);
  });

  it('refuses a disabled account', async () => {
    const user = await createStaff(t.db, org.id, 'manager', 'manager password');
    await t.db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, user.id));
    await expect(
      signInStaffWithPassword(deps(), { identifier: user.email, password: 'manager password' }, { ip: '10.1.0.3' }),
    ).rejects.toThrow(/disabled/);
  });

  it(`locks an account out after ${SIGN_IN_LIMITS.perIdentifier} attempts in the window, even with the right password`, async () => {
    const user = await createStaff(t.db, org.id, 'front_desk', 'the real one');
    for (let i = 0; i < SIGN_IN_LIMITS.perIdentifier; i++) {
      await expect(
        signInStaffWithPassword(deps(), { identifier: user.email, password: `guess ${i}` }, { ip: `10.2.0.${i}` }),
      ).rejects.toBeInstanceOf(SignInError);
    }
    const locked = signInStaffWithPassword(
      deps(),
      { identifier: user.email, password: 'the real one' },
      { ip: '10.2.1.1' },
    );
    await expect(locked).rejects.toBeInstanceOf(RateLimitedError);
    await expect(
      signInStaffWithPassword(deps(), { identifier: user.email, password: 'the real one' }, { ip: '10.2.1.1' }),
    ).rejects.toThrow(/Too many attempts. Please try again in \d+ minutes/);
  });

  it('counts only failures against an address: many people signing in from one clinic router all get in', async () => {
    const user = await createStaff(t.db, org.id, 'front_desk', 'shared router pass');
    for (let i = 0; i < SIGN_IN_LIMITS.perIp + 5; i++) {
      const session = await signInStaffWithPassword(
        deps(),
        { identifier: user.email, password: 'shared router pass' },
        { ip: '10.3.9.9' },
      );
      expect(session).toBeTruthy();
    }
  });

  it(`limits one address to ${SIGN_IN_LIMITS.perIp} failed attempts across accounts`, async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      await signInStaffWithPassword(
        deps(),
        { identifier: `spray${i}@x.example`, password: 'x' },
        { ip: '10.3.0.1' },
      ).catch(() => null);
    }
    await expect(
      signInStaffWithPassword(deps(), { identifier: 'another@x.example', password: 'x' }, { ip: '10.3.0.1' }),
    ).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe('staff code sign-in', () => {
  const staffCode = (phone: string) =>
    createOtpChallenge(t.db, { purpose: 'staff_sign_in', phone, organizationId: org.id, secret: SECRET });

  it('signs staff in with the code sent to their phone, typed in any format, once', async () => {
    const user = await createStaff(t.db, org.id, 'front_desk');
    const phone = user.phone ?? '';
    const { code } = await staffCode(phone);
    const typed = { phone: phone.replace('+91', '0'), code: ` ${code} ` };
    const sessionId = await signInStaffWithOtp(deps(), typed, { ip: '10.1.1.1' });
    expect(await loadPrincipal(t.db, sessionId)).toMatchObject({ kind: 'staff', userId: user.id });
    await expect(signInStaffWithOtp(deps(), typed, { ip: '10.1.1.1' })).rejects.toThrow(/expired or was already used/);
  });

  it('refuses a malformed number or code, and a disabled account', async () => {
    const user = await createStaff(t.db, org.id, 'care_coordinator');
    const phone = user.phone ?? '';
    await expect(signInStaffWithOtp(deps(), { phone: '12345', code: '123456' }, {})).rejects.toThrow(
      'Enter a valid mobile number.',
    );
    await expect(signInStaffWithOtp(deps(), { phone, code: '12a456' }, {})).rejects.toThrow('Enter the 6-digit code.');
    const { code } = await staffCode(phone);
    await t.db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, user.id));
    await expect(signInStaffWithOtp(deps(), { phone, code }, {})).rejects.toThrow(/disabled/);
  });
});
