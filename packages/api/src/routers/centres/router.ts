import type { TRPCRouterRecord } from '@trpc/server';
import { visibleCentres } from '../../scope';
import { staffProcedure } from '../../trpc';
import { archiveCentreHandler, restoreCentreHandler } from './archive.handler';
import { centreIdInput, createCentreInput, updateCentreInput } from './centre.schema';
import { createCentreHandler } from './create.handler';
import { detailsHandler } from './details.handler';
import { updateCentreHandler } from './update.handler';

export const centresRouter = {
  /** Open centres the caller works at (all of them for admins and managers): for pickers. */
  list: staffProcedure('centres:read').query(({ ctx }) => visibleCentres(ctx.db, ctx.principal)),
  /** The centres page: every detail, archived centres too for those who manage them. */
  details: staffProcedure('centres:read').query(detailsHandler),
  create: staffProcedure('centres:manage').input(createCentreInput).mutation(createCentreHandler),
  update: staffProcedure('centres:manage').input(updateCentreInput).mutation(updateCentreHandler),
  archive: staffProcedure('centres:manage').input(centreIdInput).mutation(archiveCentreHandler),
  restore: staffProcedure('centres:manage').input(centreIdInput).mutation(restoreCentreHandler),
} satisfies TRPCRouterRecord;
