import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../../trpc';
import { requestCodeHandler } from './request-code.handler';
import { requestCodeInput } from './request-code.schema';

export const authRouter = {
  requestCode: publicProcedure.input(requestCodeInput).mutation(requestCodeHandler),
} satisfies TRPCRouterRecord;
