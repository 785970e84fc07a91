import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../../trpc';
import { acceptInvitationHandler } from './accept.handler';
import { acceptInvitationInput } from './accept.schema';
import { getInvitationHandler } from './get.handler';
import { getInvitationInput } from './get.schema';

/** The invited person's side of a staff invitation link (/invite/<token>): no sign-in. */
export const invitationRouter = {
  get: publicProcedure.input(getInvitationInput).query(getInvitationHandler),
  accept: publicProcedure.input(acceptInvitationInput).mutation(acceptInvitationHandler),
} satisfies TRPCRouterRecord;
