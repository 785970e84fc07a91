import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { profileHandler } from './profile.handler';

export const meRouter = {
  profile: staffProcedure('profile:read').query(profileHandler),
} satisfies TRPCRouterRecord;
