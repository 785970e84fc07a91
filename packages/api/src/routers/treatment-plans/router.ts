import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { planAcceptHandler, planDeclineHandler } from './decide.handler';
import { planListHandler } from './list.handler';
import {
  planAcceptInput,
  planCreateInput,
  planDeclineInput,
  planListInput,
  planUpdateInput,
} from './treatment-plans.schema';
import { planCreateHandler, planUpdateHandler } from './write.handler';

export const treatmentPlansRouter = {
  forPatient: staffProcedure('patients:read').input(planListInput).query(planListHandler),
  create: staffProcedure('treatments:write').input(planCreateInput).mutation(planCreateHandler),
  update: staffProcedure('treatments:write').input(planUpdateInput).mutation(planUpdateHandler),
  accept: staffProcedure('treatments:write').input(planAcceptInput).mutation(planAcceptHandler),
  decline: staffProcedure('treatments:write').input(planDeclineInput).mutation(planDeclineHandler),
} satisfies TRPCRouterRecord;
