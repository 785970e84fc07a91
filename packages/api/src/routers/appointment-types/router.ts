import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { allTypesHandler } from './all.handler';
import { listTypesHandler } from './list.handler';
import { archiveTypeHandler, createTypeHandler, updateTypeHandler } from './save.handler';
import { archiveTypeInput, createTypeInput, updateTypeInput } from './save.schema';

export const appointmentTypesRouter = {
  /** Active types of the organization, for booking dialogs. */
  list: staffProcedure('appointments:read').query(listTypesHandler),
  /** All types, archived included, with every setting: for the settings page. */
  all: staffProcedure('appointments:read').query(allTypesHandler),
  create: staffProcedure('appointment_types:manage').input(createTypeInput).mutation(createTypeHandler),
  update: staffProcedure('appointment_types:manage').input(updateTypeInput).mutation(updateTypeHandler),
  setActive: staffProcedure('appointment_types:manage').input(archiveTypeInput).mutation(archiveTypeHandler),
} satisfies TRPCRouterRecord;
