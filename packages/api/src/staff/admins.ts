import { type DbOrTx, staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { asc, eq } from 'drizzle-orm';
import type { Tenant } from '../tenancy';

export const LAST_ADMIN = "This is the clinic's last active admin. Make someone else an admin first.";

/**
 * Refuses a change that would leave the organization without an active admin. Call it first in
 * the transaction, before locking the person changed: it locks every active admin in one order,
 * so two admins demoting each other at once queue, and the second sees the first's change.
 */
export async function keepAnAdmin(tx: DbOrTx, tenant: Tenant, userId: string, staysAdmin: boolean): Promise<void> {
  const admins = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(tenant.where(staffUsers, eq(staffUsers.role, 'admin'), eq(staffUsers.active, true)))
    .orderBy(asc(staffUsers.id))
    .for('update');
  if (staysAdmin) return;
  const isAdmin = admins.some((a) => a.id === userId);
  if (isAdmin && admins.length === 1) throw new TRPCError({ code: 'CONFLICT', message: LAST_ADMIN });
}
