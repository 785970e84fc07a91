import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../../trpc';
import { directoryHandler } from './directory.handler';
import { directoryInput } from './directory.schema';

export const cliniciansRouter = {
  directory: publicProcedure.input(directoryInput).query(directoryHandler),
} satisfies TRPCRouterRecord;
