import { STAFF_ROLE_LABELS } from '@carelane/core';
import { centres, staffCentres, staffInvitations, staffUsers } from '@carelane/db';
import { asc, desc, eq } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';

/** Where a staff member stands: working, invited (link open or run out), or switched off. */
export type StaffStatus = 'active' | 'invited' | 'invitation_expired' | 'deactivated';

type Invitation = { staffUserId: string; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null };

function statusOf(active: boolean, invitations: Invitation[], now: Date): StaffStatus {
  if (active) return 'active';
  // Someone who accepted once and was later switched off is deactivated, whatever links they had.
  if (invitations.length === 0 || invitations.some((i) => i.acceptedAt)) return 'deactivated';
  const open = invitations.find((i) => !i.revokedAt);
  if (!open) return 'deactivated';
  return open.expiresAt > now ? 'invited' : 'invitation_expired';
}

/** Everyone on the staff with status, role, centres and last sign-in, for the Staff page. */
export async function listStaffHandler({ ctx }: { ctx: StaffContext }) {
  const [rows, centreRows, invitationRows] = await Promise.all([
    ctx.db
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
      .orderBy(asc(staffUsers.name)),
    ctx.db
      .select({ staffUserId: staffCentres.staffUserId, id: centres.id, name: centres.name })
      .from(staffCentres)
      .innerJoin(centres, eq(centres.id, staffCentres.centreId))
      .where(ctx.tenant.where(staffCentres))
      .orderBy(asc(centres.name)),
    ctx.db
      .select({
        staffUserId: staffInvitations.staffUserId,
        expiresAt: staffInvitations.expiresAt,
        acceptedAt: staffInvitations.acceptedAt,
        revokedAt: staffInvitations.revokedAt,
      })
      .from(staffInvitations)
      .where(ctx.tenant.where(staffInvitations))
      .orderBy(desc(staffInvitations.createdAt)),
  ]);
  const now = new Date();
  return rows.map((r) => {
    const invitations = invitationRows.filter((i) => i.staffUserId === r.id);
    const status = statusOf(r.active, invitations, now);
    const pending = status === 'invited' || status === 'invitation_expired';
    return {
      ...r,
      roleLabel: STAFF_ROLE_LABELS[r.role],
      status,
      /** Never accepted an invitation: it can be resent or revoked, not switched on. */
      neverJoined: invitations.length > 0 && invitations.every((i) => !i.acceptedAt),
      invitationExpiresAt: pending ? (invitations.find((i) => !i.revokedAt)?.expiresAt ?? null) : null,
      centres: centreRows.filter((c) => c.staffUserId === r.id).map((c) => ({ id: c.id, name: c.name })),
      isSelf: r.id === ctx.principal.userId,
    };
  });
}
