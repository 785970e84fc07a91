import { appointmentTypes } from '@carelane/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { staffProcedure } from '../../trpc';
import { allTypesHandler } from './all.handler';
import { archiveTypeHandler, createTypeHandler, updateTypeHandler } from './save.handler';
import { archiveTypeInput, createTypeInput, updateTypeInput } from './save.schema';

export const appointmentTypesRouter = {
  /** Active types of the organization, for booking dialogs. */
  list: staffProcedure('appointments:read').query(({ ctx }) =>
    ctx.db
      .select({
        id: appointmentTypes.id,
        name: appointmentTypes.name,
        specialisation: appointmentTypes.specialisation,
        durationMinutes: appointmentTypes.durationMinutes,
        priceMinor: appointmentTypes.priceMinor,
        currency: appointmentTypes.currency,
        colour: appointmentTypes.colour,
        mode: appointmentTypes.mode,
      })
      .from(appointmentTypes)
      .where(and(eq(appointmentTypes.organizationId, ctx.principal.organizationId), eq(appointmentTypes.active, true)))
      .orderBy(asc(appointmentTypes.name)),
  ),
  /** All types, archived included, with every setting: for the settings page. */
  all: staffProcedure('appointments:read').query(allTypesHandler),
  create: staffProcedure('appointment_types:manage').input(createTypeInput).mutation(createTypeHandler),
  update: staffProcedure('appointment_types:manage').input(updateTypeInput).mutation(updateTypeHandler),
  setActive: staffProcedure('appointment_types:manage').input(archiveTypeInput).mutation(archiveTypeHandler),
} satisfies TRPCRouterRecord;
