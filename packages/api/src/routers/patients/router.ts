import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { patientByIdHandler } from './by-id.handler';
import { patientByIdInput } from './by-id.schema';

export const patientsRouter = {
  byId: staffProcedure('patients:read').input(patientByIdInput).query(patientByIdHandler),
} satisfies TRPCRouterRecord;
