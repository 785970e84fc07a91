import { TRPCError } from '@trpc/server';
import type { Context } from '../../context';
import { type Tenant, tenantOf } from '../../tenancy';

/**
 * The organization a public page speaks for: the booking site's, or the signed-in user's. Public
 * procedures have no `ctx.tenant`, so they scope their queries with this one.
 */
export function publicTenant(ctx: Context): Tenant {
  const p = ctx.principal;
  const id = p.kind === 'anonymous' ? ctx.siteOrganizationId : p.organizationId;
  if (!id) throw new TRPCError({ code: 'NOT_FOUND', message: 'This site has no clinic configured.' });
  return tenantOf(id);
}
