import { TRPCError } from '@trpc/server';
import type { Context } from '../../context';
import { asPatient } from '../../scheduling/patient-cancel';
import { cancelFromReminder, confirmByPatient } from './act';
import { LINK_EXPIRED, openActionLink } from './link';
import type { ActionTokenInput } from './show.schema';

/** Does what the link says, through the same functions as SMS replies and the booking site's cancel. */
export async function respondHandler({ ctx, input }: { ctx: Context; input: ActionTokenInput }) {
  const now = new Date();
  const link = await openActionLink(ctx, input.token, now);
  if (link.state === 'expired') throw new TRPCError({ code: 'CONFLICT', message: LINK_EXPIRED });
  const { visit } = link;
  const who = { organizationId: visit.organizationId, patientId: visit.patientId };
  const actor = asPatient(ctx, who);
  if (link.action === 'confirm') {
    const done = await ctx.db.transaction((tx) => confirmByPatient(tx, actor, who, visit.id, 'link', now));
    return {
      outcome: done.alreadyConfirmed ? ('already_confirmed' as const) : ('confirmed' as const),
      message: done.alreadyConfirmed ? 'You have already confirmed this visit.' : 'Thank you for confirming.',
      startsAt: done.startsAt,
      zone: visit.zone,
      lateCancellation: false,
    };
  }
  const cancelled = await ctx.db.transaction((tx) => cancelFromReminder(tx, actor, who, visit.id, 'link', now));
  return {
    outcome: 'cancelled' as const,
    message: 'Your visit has been cancelled.',
    startsAt: visit.startsAt,
    zone: visit.zone,
    lateCancellation: cancelled.lateCancellation,
  };
}
