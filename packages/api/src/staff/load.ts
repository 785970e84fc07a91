import { type DbOrTx, notifications, staffCentres, staffInvitations, staffUsers } from '@carelane/db';
import { eq, isNull } from 'drizzle-orm';
import { notFound } from '../errors';
import type { Tenant } from '../tenancy';

/** One staff member of the tenant, locked for the change; NOT_FOUND for anyone else's. */
export async function loadStaffForUpdate(tx: DbOrTx, tenant: Tenant, userId: string) {
  const [user] = await tx
    .select()
    .from(staffUsers)
    .where(tenant.where(staffUsers, eq(staffUsers.id, userId)))
    .for('update');
  if (!user) throw notFound('Staff member');
  return user;
}

/** The centres a staff member works at, as ids. */
export async function centreIdsOf(tx: DbOrTx, tenant: Tenant, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ centreId: staffCentres.centreId })
    .from(staffCentres)
    .where(tenant.where(staffCentres, eq(staffCentres.staffUserId, userId)));
  return rows.map((r) => r.centreId).sort();
}

/**
 * Ends every invitation link of a staff member that still works (or would, had it not expired),
 * and drops its messages still waiting to go: a dead link is not worth sending. Returns the
 * invitations closed.
 */
export async function closeOpenInvitations(tx: DbOrTx, tenant: Tenant, userId: string, reason: string) {
  await tx
    .update(notifications)
    .set({ status: 'cancelled', error: reason, sealedPayload: null })
    .where(
      tenant.where(
        notifications,
        eq(notifications.staffUserId, userId),
        eq(notifications.kind, 'staff_invitation'),
        eq(notifications.status, 'pending'),
      ),
    );
  return tx
    .update(staffInvitations)
    .set({ revokedAt: new Date() })
    .where(
      tenant.where(
        staffInvitations,
        eq(staffInvitations.staffUserId, userId),
        isNull(staffInvitations.acceptedAt),
        isNull(staffInvitations.revokedAt),
      ),
    )
    .returning({ id: staffInvitations.id });
}

/**
 * Whether the person was invited and never accepted: their account has never been used, so it can
 * be invited again but not simply switched on. Staff made without an invitation have joined.
 */
export async function neverJoined(tx: DbOrTx, tenant: Tenant, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ acceptedAt: staffInvitations.acceptedAt })
    .from(staffInvitations)
    .where(tenant.where(staffInvitations, eq(staffInvitations.staffUserId, userId)));
  return rows.length > 0 && rows.every((r) => r.acceptedAt === null);
}
