import { can, type Permission } from '@carelane/auth';
import { type Context, createContext } from '../context';
import type { ApiDeps } from '../deps';
import { tenantOf } from '../tenancy';
import { type StaffContext, TWO_FACTOR_SETUP_MESSAGE } from '../trpc';

export const NO_STORE = { 'cache-control': 'no-store' };

export function problem(status: number, message: string, field?: string): Response {
  return Response.json({ message, details: field ? [{ field, message }] : [] }, { status, headers: NO_STORE });
}

/**
 * The request's staff context when its session may do `permission`; otherwise the response to
 * send (401 signed out, 403 the role may not).
 */
export async function staffFromRequest(
  deps: ApiDeps,
  req: Request,
  permission: Permission,
): Promise<StaffContext | Response> {
  const ctx: Context = await createContext(deps, req);
  if (ctx.principal.kind !== 'staff') return problem(401, 'Please sign in.');
  if (!can(ctx.principal.role, permission)) return problem(403, 'Your role does not allow this.');
  if (ctx.principal.twoFactorSetupRequired) return problem(403, TWO_FACTOR_SETUP_MESSAGE);
  return { ...ctx, principal: ctx.principal, tenant: tenantOf(ctx.principal.organizationId) };
}
