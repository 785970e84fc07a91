import { staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import { closeOpenInvitations, loadStaffForUpdate, neverJoined } from '../../staff/load';
import type { StaffContext } from '../../trpc';
import type { StaffInvitationInput } from './invitation.schema';

/**
 * Withdraws an invitation: its link stops working (messages still waiting are dropped) and the
 * account, never used, stays switched off. Resending invites the person again.
 */
export async function revokeInvitationHandler({ ctx, input }: { ctx: StaffContext; input: StaffInvitationInput }) {
  return ctx.db.transaction(async (tx) => {
    const user = await loadStaffForUpdate(tx, ctx.tenant, input.userId);
    if (!(await neverJoined(tx, ctx.tenant, user.id))) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `${user.name} has already joined. Deactivate the account instead.`,
      });
    }
    const closed = await closeOpenInvitations(tx, ctx.tenant, user.id, 'The invitation was revoked.');
    if (closed.length === 0) {
      throw new TRPCError({ code: 'CONFLICT', message: `${user.name}'s invitation was already revoked.` });
    }
    await tx
      .update(staffUsers)
      .set({ active: false, sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
      .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, user.id)));
    await audit(
      ctx,
      {
        action: 'staff.invitation_revoke',
        entity: 'staff_user',
        entityId: user.id,
        changes: { invitation: { from: 'pending', to: 'revoked' } },
      },
      tx,
    );
    return { id: user.id };
  });
}
