import { randomUUID } from 'node:crypto';
import type { NotificationChannel } from '@carelane/core';
import { type Database, type DbOrTx, notifications } from '@carelane/db';
import { and, eq, lte, sql } from 'drizzle-orm';
import { seal, unseal } from '../seal';
import type { MessageChannels } from './channel';
import { ChannelError } from './channel-error';
import { renderTemplate, type TemplateName } from './templates';

const MAX_ATTEMPTS = 5;

export type EnqueueInput = {
  organizationId: string | null;
  channel: NotificationChannel;
  template: TemplateName;
  recipient: string;
  payload?: Record<string, unknown>;
  /** Data that must not sit in the database in clear text (an OTP); sealed with the secret. */
  secret?: Record<string, unknown>;
  patientId?: string;
  appointmentId?: string;
};

/** Writes a message to the outbox; call inside the transaction of the change that causes it. */
export async function enqueueNotification(tx: DbOrTx, input: EnqueueInput, appSecret: string): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      organizationId: input.organizationId,
      channel: input.channel,
      kind: input.template,
      idempotencyKey: randomUUID(),
      recipient: input.recipient,
      payload: input.payload ?? {},
      sealedPayload: input.secret ? seal(input.secret, appSecret) : null,
      patientId: input.patientId ?? null,
      appointmentId: input.appointmentId ?? null,
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error('Outbox insert returned no row');
  return row.id;
}

export type DeliveryDeps = { db: Database; channels: MessageChannels; appSecret: string };

/**
 * Delivers one message if it is still due. The claim (pending -> sending) is a single UPDATE,
 * so the API's immediate attempt and any number of workers never send the same message twice.
 */
export async function deliverNotification(deps: DeliveryDeps, id: string): Promise<boolean> {
  const [claimed] = await deps.db
    .update(notifications)
    .set({ status: 'sending', attempts: sql`${notifications.attempts} + 1` })
    .where(
      // The database's clock, as `next_attempt_at` defaults to: a JS Date is whole milliseconds and can
      // read as earlier than a row written microseconds before.
      and(eq(notifications.id, id), eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, sql`now()`)),
    )
    .returning();
  if (!claimed) return false;
  try {
    const secret = claimed.sealedPayload ? unseal<Record<string, unknown>>(claimed.sealedPayload, deps.appSecret) : {};
    const message = renderTemplate(claimed.kind, { ...claimed.payload, ...secret });
    const result = await deps.channels[claimed.channel].send({
      notificationId: claimed.id,
      channel: claimed.channel,
      recipient: claimed.recipient,
      subject: message.subject,
      body: message.body,
    });
    await deps.db
      .update(notifications)
      .set({
        status: 'sent',
        sentAt: new Date(),
        providerMessageId: result.providerMessageId,
        sealedPayload: null,
        error: null,
      })
      .where(eq(notifications.id, id));
    return true;
  } catch (err) {
    // A provider that refused this very message (a bad number, a blocked recipient) will refuse it
    // again: failed at once. Outages, timeouts and credentials being fixed are worth the retries.
    const refused = err instanceof ChannelError && err.kind === 'rejected';
    const failed = refused || claimed.attempts >= MAX_ATTEMPTS;
    const reason = err instanceof Error ? err.message.slice(0, 500) : 'delivery failed';
    await deps.db
      .update(notifications)
      .set({
        status: failed ? 'failed' : 'pending',
        error: reason,
        // Exponential back-off: 30 s, 1 min, 2 min, ...
        nextAttemptAt: new Date(Date.now() + 30_000 * 2 ** (claimed.attempts - 1)),
        ...(failed ? { sealedPayload: null } : {}),
      })
      .where(eq(notifications.id, id));
    return false;
  }
}

/** Delivers up to `limit` due messages; returns how many were sent. */
export async function deliverDueNotifications(deps: DeliveryDeps, limit = 50): Promise<number> {
  const due = await deps.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, sql`now()`)))
    .orderBy(notifications.nextAttemptAt)
    .limit(limit);
  let sent = 0;
  for (const { id } of due) if (await deliverNotification(deps, id)) sent++;
  return sent;
}
