import { can, PERMISSIONS, type Permission } from '@carelane/auth';
import { STAFF_ROLE_LABELS } from '@carelane/core';
import { organizations, staffUsers } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import { visibleCentres } from '../../scope';
import type { StaffContext } from '../../trpc';

/** The signed-in staff member, their organization, centres and what they may do. */
export async function profileHandler({ ctx }: { ctx: StaffContext }) {
  const [row] = await ctx.db
    .select({ user: staffUsers, organization: organizations })
    .from(staffUsers)
    .innerJoin(organizations, ctx.tenant.organization())
    .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, ctx.principal.userId)));
  if (!row) throw notFound('Your account');
  const centres = await visibleCentres(ctx.db, ctx.principal);
  const defaultCentreId = centres.find((c) => c.id === row.user.defaultCentreId)?.id ?? centres[0]?.id ?? null;
  return {
    id: row.user.id,
    name: row.user.name,
    email: row.user.email,
    phone: row.user.phone,
    role: row.user.role,
    roleLabel: STAFF_ROLE_LABELS[row.user.role],
    organization: {
      id: row.organization.id,
      name: row.organization.name,
      zone: row.organization.defaultZone,
      currency: row.organization.currency,
    },
    centres,
    defaultCentreId,
    permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(row.user.role, p)),
  };
}
