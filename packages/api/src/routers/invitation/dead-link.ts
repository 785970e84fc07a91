import { TRPCError } from '@trpc/server';
import type { Context } from '../../context';
import { DEAD_INVITATION } from '../../staff/tokens';

/** The one answer for a link that does not work, whatever the reason. */
export const deadInvitation = () => new TRPCError({ code: 'NOT_FOUND', message: DEAD_INVITATION });

/** Invitation links are rate limited per IP, so guessing tokens gets nowhere. */
export async function limitInvitationLink(ctx: Context): Promise<void> {
  await ctx.rateLimits.consume([['invitationIp', ctx.ip ?? 'unknown']]);
}
