import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { householdLinkHandler, householdUnlinkHandler } from './link.handler';
import { householdLinkInput, householdUnlinkInput } from './link.schema';

export const householdsRouter = {
  link: staffProcedure('patients:write').input(householdLinkInput).mutation(householdLinkHandler),
  unlink: staffProcedure('patients:write').input(householdUnlinkInput).mutation(householdUnlinkHandler),
} satisfies TRPCRouterRecord;
