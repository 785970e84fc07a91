import { staffUsers } from '@carelane/db';
import { audit } from '../../audit';
import { deliverNow } from '../../messaging/deliver-now';
import { replaceCentres } from '../../staff/centres';
import { checkStaffDetails } from '../../staff/details';
import { issueInvitation } from '../../staff/invitations';
import type { StaffContext } from '../../trpc';
import type { InviteStaffInput } from './invite.schema';

/**
 * Invites someone to join as staff: their account exists from now on with its role and centres,
 * switched off and without a password until they accept the link sent to them (by email, and by
 * SMS when a phone is given). Nobody can sign in to it before then.
 */
export async function inviteStaffHandler({ ctx, input }: { ctx: StaffContext; input: InviteStaffInput }) {
  const result = await ctx.db.transaction(async (tx) => {
    const { phone } = await checkStaffDetails(tx, ctx.tenant, input);
    const [user] = await tx
      .insert(staffUsers)
      .values(
        ctx.tenant.row({
          name: input.name,
          email: input.email,
          phone,
          role: input.role,
          active: false,
          passwordHash: null,
          defaultCentreId: input.centreIds[0] ?? null,
        }),
      )
      .returning();
    if (!user) throw new Error('Insert returned no row');
    await replaceCentres(tx, ctx.tenant, user.id, input.centreIds);
    const { invitation, notificationIds } = await issueInvitation(tx, ctx, user);
    await audit(
      ctx,
      {
        action: 'staff.invite',
        entity: 'staff_user',
        entityId: user.id,
        changes: {
          name: { to: user.name },
          email: { to: user.email },
          phone: { to: user.phone },
          role: { to: user.role },
          centreIds: { to: [...new Set(input.centreIds)] },
          invitationExpiresAt: { to: invitation.expiresAt.toISOString() },
        },
      },
      tx,
    );
    return { id: user.id, expiresAt: invitation.expiresAt, notificationIds };
  });
  // Sent at once after commit; the worker retries whatever this attempt leaves behind.
  for (const id of result.notificationIds) await deliverNow(ctx, id);
  return { id: result.id, expiresAt: result.expiresAt };
}
