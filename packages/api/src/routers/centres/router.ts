import type { TRPCRouterRecord } from '@trpc/server';
import { visibleCentres } from '../../scope';
import { staffProcedure } from '../../trpc';

export const centresRouter = {
  list: staffProcedure('centres:read').query(({ ctx }) => visibleCentres(ctx.db, ctx.principal)),
} satisfies TRPCRouterRecord;
