import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { patientByIdHandler } from './by-id.handler';
import { patientByIdInput } from './by-id.schema';
import { quickSearchHandler } from './search.handler';
import { quickSearchInput } from './search.schema';

export const patientsRouter = {
  byId: staffProcedure('patients:read').input(patientByIdInput).query(patientByIdHandler),
  quickSearch: staffProcedure('patients:read').input(quickSearchInput).query(quickSearchHandler),
} satisfies TRPCRouterRecord;
