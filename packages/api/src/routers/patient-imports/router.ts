import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { dryRunHandler, importByIdHandler, listImportsHandler, startImportHandler } from './import.handler';
import { dryRunInput, importIdInput } from './import.schema';

export const patientImportsRouter = {
  list: staffProcedure('patients:import').query(listImportsHandler),
  byId: staffProcedure('patients:import').input(importIdInput).query(importByIdHandler),
  dryRun: staffProcedure('patients:import').input(dryRunInput).mutation(dryRunHandler),
  start: staffProcedure('patients:import').input(importIdInput).mutation(startImportHandler),
} satisfies TRPCRouterRecord;
