import type { TRPCRouterRecord } from '@trpc/server';
import { staffProcedure } from '../../trpc';
import { messageListHandler } from './list.handler';
import { messageIdInput, messageListInput, messageStatsInput } from './messages.schema';
import { messageByIdHandler } from './read.handler';
import { messageResendHandler } from './resend.handler';
import { messageStatsHandler } from './stats.handler';

export const messagesRouter = {
  /** The organization's message history, newest first, with filters (the Messages page). */
  list: staffProcedure('messages:read').input(messageListInput).query(messageListHandler),
  /** One message: its text, attempts, fallback and resends. */
  byId: staffProcedure('messages:read').input(messageIdInput).query(messageByIdHandler),
  /** Sends a message again as a new outbox row. */
  resend: staffProcedure('messages:send').input(messageIdInput).mutation(messageResendHandler),
  /** Counts per channel, kind and day. */
  stats: staffProcedure('messages:read').input(messageStatsInput).query(messageStatsHandler),
} satisfies TRPCRouterRecord;
