import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { calendarViewHandler } from './view.handler';
import { calendarViewInput } from './view.schema';

export const calendarRouter = {
  view: staffProcedure('appointments:read').input(calendarViewInput).query(calendarViewHandler),
} satisfies TRPCRouterRecord;
