import { TRPCError } from '@trpc/server';
import { audit } from '../../audit';
import { deliverNow } from '../../messaging/deliver-now';
import { issueInvitation } from '../../staff/invitations';
import { loadStaffForUpdate, neverJoined } from '../../staff/load';
import type { StaffContext } from '../../trpc';
import type { StaffInvitationInput } from './invitation.schema';

/** A new link for someone who has not joined yet; every earlier link stops working. */
export async function resendInvitationHandler({ ctx, input }: { ctx: StaffContext; input: StaffInvitationInput }) {
  const result = await ctx.db.transaction(async (tx) => {
    const user = await loadStaffForUpdate(tx, ctx.tenant, input.userId);
    if (!(await neverJoined(tx, ctx.tenant, user.id))) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `${user.name} has already joined, so there is no invitation to resend.`,
      });
    }
    const { invitation, notificationIds } = await issueInvitation(tx, ctx, user);
    await audit(
      ctx,
      {
        action: 'staff.invitation_resend',
        entity: 'staff_user',
        entityId: user.id,
        changes: { invitationExpiresAt: { to: invitation.expiresAt.toISOString() } },
      },
      tx,
    );
    return { id: user.id, expiresAt: invitation.expiresAt, notificationIds };
  });
  for (const id of result.notificationIds) await deliverNow(ctx, id);
  return { id: result.id, expiresAt: result.expiresAt };
}
