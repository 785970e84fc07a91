import { maskRecipient, resendRefusal } from '@carelane/core';
import { appointments, type DbOrTx, notificationAttempts, notifications, patients } from '@carelane/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import type { MessageIdInput } from './messages.schema';
import { messageRow, messageRowsQuery } from './rows';

type Message = typeof notifications.$inferSelect;

/** A message of the session's organization, or NOT_FOUND (another organization's too). */
export async function loadMessage(ctx: StaffContext, id: string, db: DbOrTx = ctx.db): Promise<Message> {
  const [message] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.organizationId, ctx.principal.organizationId)));
  if (!message) throw notFound('Message');
  return message;
}

/** Why the server would refuse to send this message again today, or null (core's resendRefusal). */
export async function refusalOf(ctx: StaffContext, message: Message, db: DbOrTx = ctx.db): Promise<string | null> {
  const organizationId = ctx.principal.organizationId;
  const [[patient], [appointment]] = await Promise.all([
    message.patientId
      ? db
          .select()
          .from(patients)
          .where(and(eq(patients.id, message.patientId), eq(patients.organizationId, organizationId)))
      : [],
    message.appointmentId
      ? db
          .select({ status: appointments.status, startsAt: appointments.startsAt })
          .from(appointments)
          .where(and(eq(appointments.id, message.appointmentId), eq(appointments.organizationId, organizationId)))
      : [],
  ]);
  return resendRefusal({
    kind: message.kind,
    channel: message.channel,
    patient: patient ?? null,
    appointment: appointment ?? null,
    now: new Date(),
  });
}

/**
 * One message with the text that went out, each attempt, its fallback, what it resent and what
 * resent it, and whether it may be resent. Reading a patient's message is a read of their record.
 */
export async function messageByIdHandler({ ctx, input }: { ctx: StaffContext; input: MessageIdInput }) {
  const organizationId = ctx.principal.organizationId;
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
      .where(and(eq(notifications.resentFromId, message.id), eq(notifications.organizationId, organizationId)))
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
