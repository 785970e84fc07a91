import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../../trpc';
import { directoryHandler } from './directory.handler';
import { directoryInput } from './directory.schema';
import { profileHandler } from './profile.handler';
import { profileInput } from './profile.schema';

export const cliniciansRouter = {
  directory: publicProcedure.input(directoryInput).query(directoryHandler),
  profile: publicProcedure.input(profileInput).query(profileHandler),
} satisfies TRPCRouterRecord;
