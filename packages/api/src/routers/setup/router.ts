import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../../trpc';
import { completeSetupHandler } from './complete.handler';
import { completeSetupInput } from './complete.schema';
import { setupStatusHandler } from './status.handler';

/** The first-run setup of an empty server (the dashboard's /setup page). */
export const setupRouter = {
  status: publicProcedure.query(setupStatusHandler),
  complete: publicProcedure.input(completeSetupInput).mutation(completeSetupHandler),
} satisfies TRPCRouterRecord;
