import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure, staffProcedure } from '../../trpc';
import { aggregateSlotsHandler } from './aggregate.handler';
import { aggregateSlotsInput } from './aggregate.schema';
import {
  addExceptionHandler,
  exceptionsHandler,
  removeExceptionHandler,
  setWeeklyHoursHandler,
  weeklyHoursHandler,
} from './hours.handler';
import {
  addExceptionInput,
  exceptionsInput,
  removeExceptionInput,
  setWeeklyHoursInput,
  weeklyHoursInput,
} from './hours.schema';
import { slotsHandler } from './slots.handler';
import { slotsInput } from './slots.schema';

export const availabilityRouter = {
  slots: publicProcedure.input(slotsInput).query(slotsHandler),
  /** Free times across the clinicians of a specialisation or centre (public, like `slots`). */
  aggregate: publicProcedure.input(aggregateSlotsInput).query(aggregateSlotsHandler),
  weeklyHours: staffProcedure('appointments:read').input(weeklyHoursInput).query(weeklyHoursHandler),
  setWeeklyHours: staffProcedure('availability:manage').input(setWeeklyHoursInput).mutation(setWeeklyHoursHandler),
  exceptions: staffProcedure('appointments:read').input(exceptionsInput).query(exceptionsHandler),
  addException: staffProcedure('availability:manage').input(addExceptionInput).mutation(addExceptionHandler),
  removeException: staffProcedure('availability:manage').input(removeExceptionInput).mutation(removeExceptionHandler),
} satisfies TRPCRouterRecord;
