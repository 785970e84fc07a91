import type { Context } from '../../context';
import { findUsableInvitation } from '../../staff/invitations';
import { deadInvitation, limitInvitationLink } from './dead-link';
import type { GetInvitationInput } from './get.schema';

/** Whom a working invitation link is for: the clinic, the person's name and email. */
export async function getInvitationHandler({ ctx, input }: { ctx: Context; input: GetInvitationInput }) {
  await limitInvitationLink(ctx);
  const found = await findUsableInvitation(ctx.db, input.token);
  if (!found) throw deadInvitation();
  return {
    organizationName: found.organizationName,
    name: found.user.name,
    email: found.user.email,
    expiresAt: found.invitation.expiresAt,
  };
}
