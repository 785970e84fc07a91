import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { procedureListHandler, procedureSaveHandler } from './procedures.handler';
import { procedureListInput, procedureSaveInput } from './procedures.schema';

export const proceduresRouter = {
  list: staffProcedure('patients:read').input(procedureListInput).query(procedureListHandler),
  save: staffProcedure('price_list:manage').input(procedureSaveInput).mutation(procedureSaveHandler),
} satisfies TRPCRouterRecord;
