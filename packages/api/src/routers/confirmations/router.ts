import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../../trpc';
import { respondHandler } from './respond.handler';
import { showHandler } from './show.handler';
import { actionTokenInput } from './show.schema';

/** Reminder links: confirm or cancel a visit without signing in. */
export const confirmationsRouter = {
  show: publicProcedure.input(actionTokenInput).query(showHandler),
  respond: publicProcedure.input(actionTokenInput).mutation(respondHandler),
} satisfies TRPCRouterRecord;
