import {
  type DeliveryStatus,
  deliveryFailureReason,
  isDelivered,
  isDeliveryFailure,
  nextDeliveryStatus,
} from '@carelane/core';
import { auditLog, type Database, notifications } from '@carelane/db';
import { and, eq } from 'drizzle-orm';
import { unscoped } from '../tenancy';
import { writeFallback } from './deliver';

export type DeliveryProvider = 'twilio' | 'gallabox';

export type DeliveryReport = {
  provider: DeliveryProvider;
  providerMessageId: string;
  status: DeliveryStatus;
  /** The provider's error code for a failed delivery (Twilio's ErrorCode). */
  errorCode?: string | null | undefined;
  /** When the provider says it happened (else when we heard). */
  at: Date;
};

/** Each provider delivers one channel, so a message id is looked up only among that channel's rows. */
const CHANNEL = { twilio: 'sms', gallabox: 'whatsapp' } as const;

/**
 * Applies a provider's status callback to the message it names. Callbacks come late and out of
 * order, so the status only moves forward; a delivery failure reported for a message we had
 * counted as sent marks it failed with the reason. An id we do not know is ignored (the provider
 * gets 200 either way, or it would retry forever).
 */
export async function recordDeliveryStatus(
  db: Database,
  report: DeliveryReport,
): Promise<'updated' | 'unchanged' | 'unknown'> {
  return db.transaction(async (tx) => {
    const [row] = await unscoped(tx, "the provider's message id names the message, before its organization is known")
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.providerMessageId, report.providerMessageId),
          eq(notifications.channel, CHANNEL[report.provider]),
        ),
      )
      .limit(1)
      .for('update');
    if (!row) return 'unknown';
    const next = nextDeliveryStatus(row.deliveryStatus, report.status);
    if (next === null) return 'unchanged';
    const failed = isDeliveryFailure(next) && row.status === 'sent';
    // The provider could not deliver it: the next channel the patient agreed to gets it.
    const reason = deliveryFailureReason(report.provider, report.errorCode);
    const error = failed ? await writeFallback(tx, row, reason) : reason;
    const change = {
      deliveryStatus: next,
      ...(isDelivered(next) && row.deliveredAt === null ? { deliveredAt: report.at } : {}),
      ...(failed ? { status: 'failed' as const, error } : {}),
    };
    await tx.update(notifications).set(change).where(eq(notifications.id, row.id));
    await tx.insert(auditLog).values({
      organizationId: row.organizationId,
      actorKind: 'system',
      actorId: null,
      action: 'notification.delivery_status',
      entity: 'notification',
      entityId: row.id,
      changedFields: Object.keys(change),
      changes: {
        deliveryStatus: { from: row.deliveryStatus, to: next },
        ...(failed ? { status: { from: row.status, to: 'failed' } } : {}),
      },
      success: true,
    });
    return 'updated';
  });
}
