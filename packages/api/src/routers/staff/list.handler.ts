import { STAFF_ROLE_LABELS } from '@carelane/core';
import { staffUsers } from '@carelane/db';
import { asc } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';

export async function listStaffHandler({ ctx }: { ctx: StaffContext }) {
  const rows = await ctx.db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      phone: staffUsers.phone,
      role: staffUsers.role,
      active: staffUsers.active,
      lastSignInAt: staffUsers.lastSignInAt,
    })
    .from(staffUsers)
    .where(ctx.tenant.where(staffUsers))
    .orderBy(asc(staffUsers.name));
  return rows.map((r) => ({ ...r, roleLabel: STAFF_ROLE_LABELS[r.role] }));
}
