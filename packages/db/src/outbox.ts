import { randomUUID } from 'node:crypto';
import type { MessageKind, MessageLanguage, NotificationChannel } from '@carelane/core';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { type NotificationFallback, notifications } from './schema';
import { seal } from './seal';

export type EnqueueInput = {
  organizationId: string | null;
  channel: NotificationChannel;
  kind: MessageKind;
  recipient: string;
  language?: MessageLanguage | undefined;
  /**
   * Names the message itself ("the 24-hour reminder of this visit at this time"): writing the same
   * key twice keeps the first row. Without one, the message is unique.
   */
  idempotencyKey?: string | undefined;
  /** Values fixed when the message is written; the rest are read at delivery. */
  payload?: Record<string, unknown> | undefined;
  /** Data that must not sit in the database in clear text (an OTP); sealed with the secret. */
  secret?: Record<string, unknown> | undefined;
  patientId?: string | undefined;
  appointmentId?: string | undefined;
  staffUserId?: string | undefined;
  /** When it should go (a reminder); now when absent. */
  sendAt?: Date | undefined;
  fallback?: NotificationFallback[] | undefined;
  createdById?: string | undefined;
  resentFromId?: string | undefined;
};

/**
 * Writes a message to the outbox; call inside the transaction of the change that causes it.
 * Returns the row's id, the existing one when the idempotency key was already written. The app
 * secret is needed only to seal `secret`.
 */
export async function enqueueNotification(tx: DbOrTx, input: EnqueueInput, appSecret?: string): Promise<string> {
  if (input.secret && !appSecret) throw new Error('A message with a secret needs the app secret to seal it');
  const idempotencyKey = input.idempotencyKey ?? randomUUID();
  const sendAt = input.sendAt ?? null;
  const [row] = await tx
    .insert(notifications)
    .values({
      organizationId: input.organizationId,
      channel: input.channel,
      kind: input.kind,
      language: input.language ?? 'en',
      idempotencyKey,
      recipient: input.recipient,
      payload: input.payload ?? {},
      sealedPayload: input.secret && appSecret ? seal(input.secret, appSecret) : null,
      patientId: input.patientId ?? null,
      appointmentId: input.appointmentId ?? null,
      staffUserId: input.staffUserId ?? null,
      fallback: input.fallback ?? [],
      createdById: input.createdById ?? null,
      resentFromId: input.resentFromId ?? null,
      ...(sendAt ? { sendAt, nextAttemptAt: sendAt } : {}),
    })
    .onConflictDoNothing({ target: notifications.idempotencyKey })
    .returning({ id: notifications.id });
  if (row) return row.id;
  const [existing] = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.idempotencyKey, idempotencyKey));
  if (!existing) throw new Error('Outbox insert returned no row');
  return existing.id;
}
