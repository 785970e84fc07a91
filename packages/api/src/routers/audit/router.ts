import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { auditListInput, patientAccessInput } from './audit.schema';
import { auditFiltersHandler } from './filters.handler';
import { auditListHandler } from './list.handler';
import { patientAccessHandler } from './patient-access.handler';

export const auditRouter = {
  /** The audit log, newest first, filtered by person, patient, action, kind of record and dates. */
  list: staffProcedure('audit:read').input(auditListInput).query(auditListHandler),
  /** The people, actions and kinds of record the filters offer. */
  filters: staffProcedure('audit:read').query(auditFiltersHandler),
  /** Who opened or downloaded one patient's record, latest first. */
  patientAccess: staffProcedure('audit:read').input(patientAccessInput).query(patientAccessHandler),
} satisfies TRPCRouterRecord;
