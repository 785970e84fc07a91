import type { Database } from '@carelane/db';
import type { NextAuthOptions } from 'next-auth';
import { decode } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { SESSION_POLICY } from './policy';
import { RateLimitedError, type RateLimits } from './rate-limit';
import { revokeSession, type SessionMeta } from './sessions';
import {
  SignInError,
  signInPatientWithProof,
  signInStaffWithOtp,
  signInStaffWithPassword,
  signInStaffWithSecondFactor,
} from './sign-in';

export type AuthAudience = 'staff' | 'patient';

export type AuthConfig = {
  audience: AuthAudience;
  db: Database;
  secret: string;
  rateLimits: RateLimits;
  /** The booking site serves one organization; patients sign in to it. */
  organizationId?: string | undefined;
  /** https origins get Secure cookies. */
  secureCookies: boolean;
};

/** Both apps may run on one host (ports share cookies), so each audience has its own names. */
export function sessionCookieName(audience: AuthAudience): string {
  return `carelane.${audience}.session`;
}

type Headers = Record<string, string | string[] | undefined> | undefined;

function requestMeta(headers: Headers): SessionMeta {
  const header = (name: string) => {
    const value = headers?.[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return { ip: header('x-forwarded-for')?.split(',')[0]?.trim() ?? null, userAgent: header('user-agent') ?? null };
}

function safeMessage(err: unknown): string {
  if (err instanceof SignInError || err instanceof RateLimitedError) return err.message;
  console.error('sign-in failed unexpectedly', err instanceof Error ? err.name : 'unknown');
  return 'Sign-in is unavailable right now. Please try again.';
}

export function createAuthOptions(config: AuthConfig): NextAuthOptions {
  const deps = { db: config.db, secret: config.secret, rateLimits: config.rateLimits };
  const policy = SESSION_POLICY[config.audience];
  const cookie = (name: string, httpOnly = true) => ({
    name: `carelane.${config.audience}.${name}`,
    options: { httpOnly, sameSite: 'lax' as const, path: '/', secure: config.secureCookies },
  });
  // next-auth turns an Error thrown in authorize() into `?error=<message>` for the sign-in page.
  const guard = async (run: () => Promise<string>) => {
    try {
      return { id: await run() };
    } catch (err) {
      throw new Error(safeMessage(err));
    }
  };
  const providers =
    config.audience === 'staff'
      ? [
          CredentialsProvider({
            id: 'staff-password',
            name: 'Email or phone and password',
            credentials: { identifier: { type: 'text' }, password: { type: 'password' } },
            authorize: (credentials, req) =>
              guard(() =>
                signInStaffWithPassword(
                  deps,
                  { identifier: credentials?.identifier ?? '', password: credentials?.password ?? '' },
                  requestMeta(req.headers as Headers),
                ),
              ),
          }),
          CredentialsProvider({
            id: 'staff-otp',
            name: 'Phone and one-time code',
            credentials: { phone: { type: 'tel' }, code: { type: 'text' } },
            authorize: (credentials, req) =>
              guard(() =>
                signInStaffWithOtp(
                  deps,
                  { phone: credentials?.phone ?? '', code: credentials?.code ?? '' },
                  requestMeta(req.headers as Headers),
                ),
              ),
          }),
          CredentialsProvider({
            // The second step after either of the above, for an account with two-factor sign-in.
            id: 'staff-two-factor',
            name: 'Authenticator or recovery code',
            credentials: { ticket: { type: 'text' }, code: { type: 'text' } },
            authorize: (credentials, req) =>
              guard(() =>
                signInStaffWithSecondFactor(
                  deps,
                  { ticket: credentials?.ticket ?? '', code: credentials?.code ?? '' },
                  requestMeta(req.headers as Headers),
                ),
              ),
          }),
        ]
      : [
          CredentialsProvider({
            // The code itself is checked by auth.verifyCode, which answers with a phone proof.
            id: 'patient-otp',
            name: 'Phone and one-time code',
            credentials: { proof: { type: 'text' } },
            authorize: (credentials, req) =>
              guard(() => {
                if (!config.organizationId) throw new SignInError('This site is not set up for sign-in.');
                return signInPatientWithProof(
                  deps,
                  { organizationId: config.organizationId, proof: credentials?.proof ?? '' },
                  requestMeta(req.headers as Headers),
                );
              }),
          }),
        ];
  return {
    secret: config.secret,
    providers,
    session: { strategy: 'jwt', maxAge: Math.floor(policy.absoluteMs / 1000) },
    jwt: { maxAge: Math.floor(policy.absoluteMs / 1000) },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    cookies: {
      sessionToken: cookie('session'),
      callbackUrl: cookie('callback-url'),
      csrfToken: cookie('csrf'),
    },
    callbacks: {
      // The JWT carries only the server-side session id; everything else is read per request.
      jwt: ({ token, user }) => (user ? { sid: user.id } : token),
      session: ({ session }) => ({ expires: session.expires }),
    },
    events: {
      signOut: async ({ token }) => {
        if (typeof token?.sid === 'string') await revokeSession(config.db, token.sid);
      },
    },
    logger: {
      // next-auth's default logger prints credentials-provider errors with request details.
      error: (code) => console.error(`next-auth error: ${code}`),
      warn: () => {},
      debug: () => {},
    },
  };
}

/** Reads the server-side session id from the signed session cookie's value. */
export async function sessionIdFromCookie(cookieValue: string | undefined, secret: string): Promise<string | null> {
  if (!cookieValue) return null;
  try {
    const token = await decode({ token: cookieValue, secret });
    return typeof token?.sid === 'string' ? token.sid : null;
  } catch {
    return null;
  }
}
