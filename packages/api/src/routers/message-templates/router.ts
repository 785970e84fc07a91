import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { listTemplatesHandler } from './list.handler';
import { resetTemplateHandler, saveTemplateHandler } from './save.handler';
import { saveTemplateInput, templateKeyInput } from './schema';

export const messageTemplatesRouter = {
  list: staffProcedure('messages:read').query(listTemplatesHandler),
  save: staffProcedure('messaging:manage').input(saveTemplateInput).mutation(saveTemplateHandler),
  reset: staffProcedure('messaging:manage').input(templateKeyInput).mutation(resetTemplateHandler),
} satisfies TRPCRouterRecord;
