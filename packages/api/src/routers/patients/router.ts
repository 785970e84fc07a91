import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { patientByIdHandler } from './by-id.handler';
import { patientByIdInput } from './by-id.schema';
import { patientListHandler } from './list.handler';
import { patientListInput } from './list.schema';
import { quickSearchHandler } from './search.handler';
import { quickSearchInput } from './search.schema';
import { patientStatsHandler } from './stats.handler';

export const patientsRouter = {
  byId: staffProcedure('patients:read').input(patientByIdInput).query(patientByIdHandler),
  quickSearch: staffProcedure('patients:read').input(quickSearchInput).query(quickSearchHandler),
  list: staffProcedure('patients:read').input(patientListInput).query(patientListHandler),
  stats: staffProcedure('patients:read').query(patientStatsHandler),
} satisfies TRPCRouterRecord;
