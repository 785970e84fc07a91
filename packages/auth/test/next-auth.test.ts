import { authSessions } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import type { NextAuthOptions } from 'next-auth';
import { encode } from 'next-auth/jwt';
import type { CredentialsConfig } from 'next-auth/providers/credentials';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type AuthAudience, createAuthOptions, sessionCookieName, sessionIdFromCookie } from '../src/next-auth';
import type { RateLimits } from '../src/rate-limit';
import { createStaffSession, loadPrincipal } from '../src/sessions';
import { authDeps, createOrganization, createStaff, SECRET } from './fixtures';

let t: TestDatabase;
let org: Awaited<ReturnType<typeof createOrganization>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  org = await createOrganization(t.db);
});
afterAll(() => t.close());

const optionsFor = (audience: AuthAudience, overrides: { organizationId?: string; rateLimits?: RateLimits } = {}) =>
  createAuthOptions({ audience, ...authDeps(t.db), secureCookies: true, ...overrides });

/** CredentialsProvider keeps what we configured (id, authorize) in `options`. */
const credentialsOf = (options: NextAuthOptions) =>
  options.providers.map((provider) => provider.options as Pick<CredentialsConfig, 'id' | 'authorize'>);

/** Runs a provider's authorize as next-auth does for a request from `ip` (behind a proxy). */
function authorize(options: NextAuthOptions, id: string, credentials: Record<string, string>, ip = '10.6.0.1') {
  const provider = credentialsOf(options).find((p) => p.id === id);
  if (!provider) throw new Error(`no provider ${id}`);
  return provider.authorize(credentials, { headers: { 'x-forwarded-for': `${ip}, 10.0.0.9`, 'user-agent': 'vitest' } });
}

describe('next-auth options', () => {
  it('give staff password and code sign-in with a two-factor second step, and patients code sign-in', () => {
    expect(credentialsOf(optionsFor('staff')).map((p) => p.id)).toEqual([
      'staff-password',
      'staff-otp',
      'staff-two-factor',
    ]);
    expect(credentialsOf(optionsFor('patient')).map((p) => p.id)).toEqual(['patient-otp']);
  });

  it('name the cookies by audience, httpOnly and Secure on https', () => {
    const cookies = optionsFor('patient').cookies;
    expect(sessionCookieName('staff')).toBe('carelane.staff.session');
    expect(cookies?.sessionToken).toMatchObject({
      name: sessionCookieName('patient'),
      options: { httpOnly: true, sameSite: 'lax', secure: true },
    });
    expect(optionsFor('staff').cookies?.csrfToken?.name).toBe('carelane.staff.csrf');
  });

  it('sign staff in with a password, recording where from', async () => {
    const user = await createStaff(t.db, org.id, 'front_desk', 'a good passphrase');
    const answer = await authorize(optionsFor('staff'), 'staff-password', {
      identifier: user.email,
      password: 'a good passphrase',
    });
    const sessionId = answer?.id ?? '';
    expect((await loadPrincipal(t.db, sessionId)).kind).toBe('staff');
    const [session] = await t.db.select().from(authSessions).where(eq(authSessions.id, sessionId));
    expect(session).toMatchObject({ ip: '10.6.0.1', userAgent: 'vitest' });
    // The token carries the session id and nothing else.
    const token = await optionsFor('staff').callbacks?.jwt?.({ token: {}, user: { id: sessionId }, account: null });
    expect(token).toEqual({ sid: sessionId });
  });

  it('pass on sign-in refusals and hide unexpected errors', async () => {
    const user = await createStaff(t.db, org.id, 'clinician', 'right one');
    await expect(
      authorize(optionsFor('staff'), 'staff-password', { identifier: user.email, password: 'wrong one' }),
    ).rejects.toThrow('Email, phone or password is not correct.');
    await expect(authorize(optionsFor('patient'), 'patient-otp', { proof: 'x.y' })).rejects.toThrow(
      'This site is not set up for sign-in.',
    );
    const broken: RateLimits = {
      consume: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')),
      reset: () => Promise.resolve(),
      giveBack: () => Promise.resolve(),
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(
        authorize(optionsFor('staff', { rateLimits: broken }), 'staff-password', {
          identifier: user.email,
          password: 'right one',
        }),
      ).rejects.toThrow('Sign-in is unavailable right now. Please try again.');
      expect(JSON.stringify(logged.mock.calls)).not.toContain('ECONNREFUSED');
    } finally {
      logged.mockRestore();
    }
  });

  it('end the server-side session on sign-out', async () => {
    const user = await createStaff(t.db, org.id, 'manager');
    const sid = await createStaffSession(t.db, user.id, {});
    await optionsFor('staff').events?.signOut?.({ token: { sid }, session: { expires: '' } });
    expect((await loadPrincipal(t.db, sid)).kind).toBe('anonymous');
  });
});

describe('the session cookie', () => {
  it('gives back the session id it was made with, and nothing for a forged or foreign one', async () => {
    const sid = crypto.randomUUID();
    const cookie = await encode({ token: { sid }, secret: SECRET });
    expect(await sessionIdFromCookie(cookie, SECRET)).toBe(sid);
    expect(await sessionIdFromCookie(cookie, `${SECRET}-other`)).toBeNull();
    expect(await sessionIdFromCookie(`${cookie.slice(0, -4)}AAAA`, SECRET)).toBeNull();
    expect(await sessionIdFromCookie('not a token', SECRET)).toBeNull();
    expect(await sessionIdFromCookie(undefined, SECRET)).toBeNull();
  });
});
