import { randomUUID } from 'node:crypto';
import { notifications } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import { loadMessage, refusalOf } from './load';
import type { MessageIdInput } from './messages.schema';

/**
 * Writes the message again as a new outbox row, due now, for the worker to deliver: same channel,
 * kind, language, recipient, payload, patient and visit. The text is rendered afresh at delivery.
 */
export async function messageResendHandler({ ctx, input }: { ctx: StaffContext; input: MessageIdInput }) {
  return ctx.db.transaction(async (tx) => {
    const original = await loadMessage(ctx, input.id, tx);
    const refusal = await refusalOf(ctx, original, tx);
    if (refusal) throw new TRPCError({ code: 'CONFLICT', message: refusal });
    const now = new Date();
    const [copy] = await tx
      .insert(notifications)
      .values({
        organizationId: original.organizationId,
        channel: original.channel,
        kind: original.kind,
        language: original.language,
        idempotencyKey: `resend:${original.id}:${randomUUID()}`,
        recipient: original.recipient,
        payload: original.payload,
        status: 'pending',
        sendAt: now,
        nextAttemptAt: now,
        patientId: original.patientId,
        appointmentId: original.appointmentId,
        staffUserId: original.staffUserId,
        resentFromId: original.id,
        createdById: ctx.principal.userId,
      })
      .returning({ id: notifications.id, createdAt: notifications.createdAt, status: notifications.status });
    if (!copy) throw new Error('resend wrote no row');
    await audit(
      ctx,
      {
        action: 'message.resend',
        entity: 'notification',
        entityId: copy.id,
        changes: { resentFromId: { from: null, to: original.id } },
      },
      tx,
    );
    return copy;
  });
}
