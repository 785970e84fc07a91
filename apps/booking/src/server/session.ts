import 'server-only';
import { loadPrincipal, type PatientPrincipal, sessionCookieName, sessionIdFromCookie } from '@carelane/auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { env } from '@/env';
import { runtime } from './runtime';

/** The signed-in patient, or null. Reads the cookie first so the page renders per request. */
export async function currentPatient(): Promise<PatientPrincipal | null> {
  const cookie = (await cookies()).get(sessionCookieName('patient'))?.value;
  if (!cookie) return null;
  const { deps } = await runtime();
  const principal = await loadPrincipal(deps.db, await sessionIdFromCookie(cookie, env().AUTH_SECRET));
  return principal.kind === 'patient' ? principal : null;
}

export async function requirePatient(returnTo: string): Promise<PatientPrincipal> {
  const patient = await currentPatient();
  if (!patient) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return patient;
}
