import { passwordProblem } from '@carelane/auth';
import { hashPassword, staffInvitations, staffUsers } from '@carelane/db';
import { eq, gt, isNull, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Context } from '../../context';
import { fieldError } from '../../field-error';
import { findUsableInvitation } from '../../staff/invitations';
import { tenantOf } from '../../tenancy';
import type { AcceptInvitationInput } from './accept.schema';
import { deadInvitation, limitInvitationLink } from './dead-link';

/**
 * Accepting an invitation: the password (checked against the rule) is set, the account is
 * switched on and the link is used up. Two acceptances at once: one wins, the other gets the
 * dead-link answer. The person then signs in as usual.
 */
export async function acceptInvitationHandler({ ctx, input }: { ctx: Context; input: AcceptInvitationInput }) {
  await limitInvitationLink(ctx);
  const found = await findUsableInvitation(ctx.db, input.token);
  if (!found) throw deadInvitation();
  const problem = await passwordProblem(input.password, { email: found.user.email, name: found.user.name });
  if (problem) throw fieldError('password', problem);
  const passwordHash = await hashPassword(input.password);
  const tenant = tenantOf(found.invitation.organizationId);
  return ctx.db.transaction(async (tx) => {
    // Only the first of racing acceptances finds the invitation still open.
    const [used] = await tx
      .update(staffInvitations)
      .set({ acceptedAt: sql`now()` })
      .where(
        tenant.where(
          staffInvitations,
          eq(staffInvitations.id, found.invitation.id),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.revokedAt),
          gt(staffInvitations.expiresAt, sql`now()`),
        ),
      )
      .returning({ id: staffInvitations.id });
    if (!used) throw deadInvitation();
    await tx
      .update(staffUsers)
      .set({ passwordHash, active: true })
      .where(tenant.where(staffUsers, eq(staffUsers.id, found.user.id)));
    await audit(
      ctx,
      {
        action: 'staff.invitation_accept',
        entity: 'staff_user',
        entityId: found.user.id,
        changes: { active: { from: false, to: true }, password: { to: 'set' } },
        organizationId: found.invitation.organizationId,
      },
      tx,
    );
    return { email: found.user.email };
  });
}
