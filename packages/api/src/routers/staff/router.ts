import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { staffInvitationInput } from './invitation.schema';
import { inviteStaffHandler } from './invite.handler';
import { inviteStaffInput } from './invite.schema';
import { listStaffHandler } from './list.handler';
import { resendInvitationHandler } from './resend-invitation.handler';
import { revokeInvitationHandler } from './revoke-invitation.handler';
import { setActiveHandler } from './set-active.handler';
import { setActiveInput } from './set-active.schema';
import { updateStaffHandler } from './update.handler';
import { updateStaffInput } from './update.schema';

export const staffRouter = {
  list: staffProcedure('staff:read').query(listStaffHandler),
  invite: staffProcedure('staff:manage').input(inviteStaffInput).mutation(inviteStaffHandler),
  resendInvitation: staffProcedure('staff:manage').input(staffInvitationInput).mutation(resendInvitationHandler),
  revokeInvitation: staffProcedure('staff:manage').input(staffInvitationInput).mutation(revokeInvitationHandler),
  update: staffProcedure('staff:manage').input(updateStaffInput).mutation(updateStaffHandler),
  setActive: staffProcedure('staff:manage').input(setActiveInput).mutation(setActiveHandler),
} satisfies TRPCRouterRecord;
