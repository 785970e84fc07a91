import { maskRecipient } from '@carelane/core';
import { notificationAttempts, notifications } from '@carelane/db';
import { asc, desc, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import { loadMessage, refusalOf } from './load';
import type { MessageIdInput } from './messages.schema';
import { messageRow, messageRowsQuery } from './rows';

/**
 * One message with the text that went out, each attempt, its fallback, what it resent and what
 * resent it, and whether it may be resent. Reading a patient's message is a read of their record.
 */
export async function messageByIdHandler({ ctx, input }: { ctx: StaffContext; input: MessageIdInput }) {
  const message = await loadMessage(ctx, input.id);
  const [[row], attempts, resends, resendBlocked] = await Promise.all([
    messageRowsQuery(ctx).where(eq(notifications.id, message.id)),
    ctx.db
      .select({
        attempt: notificationAttempts.attempt,
        channel: notificationAttempts.channel,
        provider: notificationAttempts.provider,
        outcome: notificationAttempts.outcome,
        error: notificationAttempts.error,
        startedAt: notificationAttempts.startedAt,
        finishedAt: notificationAttempts.finishedAt,
      })
      .from(notificationAttempts)
      .where(eq(notificationAttempts.notificationId, message.id))
      .orderBy(asc(notificationAttempts.attempt), asc(notificationAttempts.startedAt)),
    ctx.db
      .select({ id: notifications.id, createdAt: notifications.createdAt, status: notifications.status })
      .from(notifications)
      .where(ctx.tenant.where(notifications, eq(notifications.resentFromId, message.id)))
      .orderBy(desc(notifications.createdAt)),
    refusalOf(ctx, message),
  ]);
  if (!row) throw notFound('Message');
  if (message.patientId) {
    await audit(ctx, { action: 'message.read', entity: 'notification', entityId: message.id });
  }
  return {
    ...messageRow(row),
    subject: message.subject,
    body: message.kind === 'otp_sign_in' ? null : message.body,
    fallback: message.fallback.map((f) => ({ channel: f.channel, recipient: maskRecipient(f.recipient) })),
    attemptLog: attempts,
    resentFromId: message.resentFromId,
    resends,
    resendBlocked,
  };
}
export type MessageByIdOutput = Awaited<ReturnType<typeof messageByIdHandler>>;
