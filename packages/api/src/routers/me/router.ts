import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { profileHandler } from './profile.handler';

export const meRouter = {
  // The dashboard's frame needs the profile before two-factor sign-in is set up, too.
  profile: staffProcedure('profile:read', { beforeTwoFactorSetup: true }).query(profileHandler),
} satisfies TRPCRouterRecord;
