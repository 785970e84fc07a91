import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { createAppointmentHandler } from './create.handler';
import { createAppointmentInput } from './create.schema';
import { dayHandler } from './day.handler';
import { dayInput } from './day.schema';

export const appointmentsRouter = {
  day: staffProcedure('appointments:read').input(dayInput).query(dayHandler),
  create: staffProcedure('appointments:write').input(createAppointmentInput).mutation(createAppointmentHandler),
} satisfies TRPCRouterRecord;
