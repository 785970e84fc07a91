import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../../trpc';
import { registerHandler } from './register.handler';
import { registerInput } from './register.schema';
import { requestCodeHandler } from './request-code.handler';
import { requestCodeInput } from './request-code.schema';
import { verifyCodeHandler } from './verify-code.handler';
import { verifyCodeInput } from './verify-code.schema';

export const authRouter = {
  requestCode: publicProcedure.input(requestCodeInput).mutation(requestCodeHandler),
  verifyCode: publicProcedure.input(verifyCodeInput).mutation(verifyCodeHandler),
  register: publicProcedure.input(registerInput).mutation(registerHandler),
} satisfies TRPCRouterRecord;
