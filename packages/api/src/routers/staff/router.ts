import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { listStaffHandler } from './list.handler';
import { setActiveHandler } from './set-active.handler';
import { setActiveInput } from './set-active.schema';

export const staffRouter = {
  list: staffProcedure('staff:read').query(listStaffHandler),
  setActive: staffProcedure('staff:manage').input(setActiveInput).mutation(setActiveHandler),
} satisfies TRPCRouterRecord;
