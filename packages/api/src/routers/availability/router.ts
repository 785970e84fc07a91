import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../../trpc';
import { slotsHandler } from './slots.handler';
import { slotsInput } from './slots.schema';

export const availabilityRouter = {
  slots: publicProcedure.input(slotsInput).query(slotsHandler),
} satisfies TRPCRouterRecord;
