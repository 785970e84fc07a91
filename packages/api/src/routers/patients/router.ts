import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { patientAppointmentsHandler } from './appointments.handler';
import { patientAppointmentsInput } from './appointments.schema';
import { patientByIdHandler } from './by-id.handler';
import { patientByIdInput } from './by-id.schema';
import { patientCountHandler } from './count.handler';
import { patientCountInput } from './count.schema';
import { patientListHandler } from './list.handler';
import { patientListInput } from './list.schema';
import { mergePatientsHandler } from './merge.handler';
import { mergePatientsInput } from './merge.schema';
import {
  archivePatientHandler,
  createPatientHandler,
  restorePatientHandler,
  updatePatientHandler,
} from './save.handler';
import { createPatientInput, patientIdInput, updatePatientInput } from './save.schema';
import { quickSearchHandler } from './search.handler';
import { quickSearchInput } from './search.schema';
import { patientStatsHandler } from './stats.handler';

export const patientsRouter = {
  byId: staffProcedure('patients:read').input(patientByIdInput).query(patientByIdHandler),
  quickSearch: staffProcedure('patients:read').input(quickSearchInput).query(quickSearchHandler),
  appointments: staffProcedure('patients:read').input(patientAppointmentsInput).query(patientAppointmentsHandler),
  create: staffProcedure('patients:write').input(createPatientInput).mutation(createPatientHandler),
  update: staffProcedure('patients:write').input(updatePatientInput).mutation(updatePatientHandler),
  archive: staffProcedure('patients:write').input(patientIdInput).mutation(archivePatientHandler),
  restore: staffProcedure('patients:write').input(patientIdInput).mutation(restorePatientHandler),
  merge: staffProcedure('patients:merge').input(mergePatientsInput).mutation(mergePatientsHandler),
  list: staffProcedure('patients:read').input(patientListInput).query(patientListHandler),
  count: staffProcedure('patients:read').input(patientCountInput).query(patientCountHandler),
  stats: staffProcedure('patients:read').query(patientStatsHandler),
} satisfies TRPCRouterRecord;
