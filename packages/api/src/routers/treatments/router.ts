import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { treatmentListHandler } from './list.handler';
import {
  treatmentCreateInput,
  treatmentListInput,
  treatmentRemoveInput,
  treatmentUpdateInput,
} from './treatments.schema';
import { treatmentCreateHandler, treatmentRemoveHandler, treatmentUpdateHandler } from './write.handler';

export const treatmentsRouter = {
  forPatient: staffProcedure('patients:read').input(treatmentListInput).query(treatmentListHandler),
  create: staffProcedure('treatments:write').input(treatmentCreateInput).mutation(treatmentCreateHandler),
  update: staffProcedure('treatments:write').input(treatmentUpdateInput).mutation(treatmentUpdateHandler),
  remove: staffProcedure('treatments:write').input(treatmentRemoveInput).mutation(treatmentRemoveHandler),
} satisfies TRPCRouterRecord;
