import 'server-only';
import {
  can,
  loadPrincipal,
  type Permission,
  type StaffPrincipal,
  sessionCookieName,
  sessionIdFromCookie,
} from '@carelane/auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { env } from '@/env';
import { runtime } from './runtime';

/**
 * The signed-in staff member for a server component, or a redirect to sign-in. An admin who must
 * still set up the two-factor sign-in their organization requires is sent to /account first,
 * except by the pages that serve that (`beforeTwoFactorSetup`).
 */
export async function requireStaff(options: { beforeTwoFactorSetup?: boolean } = {}): Promise<StaffPrincipal> {
  // Read the cookie first: it marks the page dynamic, so nothing here runs at build time.
  const cookie = (await cookies()).get(sessionCookieName('staff'))?.value;
  const { deps } = await runtime();
  const principal = await loadPrincipal(deps.db, await sessionIdFromCookie(cookie, env().AUTH_SECRET));
  if (principal.kind !== 'staff') redirect('/sign-in');
  if (principal.twoFactorSetupRequired && !options.beforeTwoFactorSetup) redirect('/account');
  return principal;
}

/** Whether the signed-in staff member's role may use a page that needs `permission`. */
export async function staffMay(permission: Permission): Promise<boolean> {
  return can((await requireStaff()).role, permission);
}
