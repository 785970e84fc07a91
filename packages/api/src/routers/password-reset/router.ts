import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../../trpc';
import { completePasswordResetHandler } from './complete.handler';
import { completePasswordResetInput } from './complete.schema';
import { requestPasswordResetHandler } from './request.handler';
import { requestPasswordResetInput } from './request.schema';

/** Forgotten staff passwords: an emailed single-use link, then a new password. */
export const passwordResetRouter = {
  request: publicProcedure.input(requestPasswordResetInput).mutation(requestPasswordResetHandler),
  complete: publicProcedure.input(completePasswordResetInput).mutation(completePasswordResetHandler),
} satisfies TRPCRouterRecord;
