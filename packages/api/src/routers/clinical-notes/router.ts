import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { noteListHandler } from './list.handler';
import { noteAmendInput, noteCreateInput, noteListInput } from './notes.schema';
import { noteAmendHandler, noteCreateHandler } from './write.handler';

export const clinicalNotesRouter = {
  /** Everyone who reads patients sees that notes exist; the text only with clinical_notes:read. */
  list: staffProcedure('patients:read').input(noteListInput).query(noteListHandler),
  create: staffProcedure('clinical_notes:write').input(noteCreateInput).mutation(noteCreateHandler),
  amend: staffProcedure('clinical_notes:write').input(noteAmendInput).mutation(noteAmendHandler),
} satisfies TRPCRouterRecord;
