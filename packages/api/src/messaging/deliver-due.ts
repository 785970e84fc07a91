import { notifications } from '@carelane/db';
import { and, asc, eq, lt, lte, or, sql } from 'drizzle-orm';
import { unscoped } from '../tenancy';
import { type DeliveryDeps, deliverNotification } from './deliver';

/**
 * The ids of messages a worker may take now: pending and due, or claimed by a worker whose lease
 * ran out. Oldest first.
 */
export async function dueNotificationIds(deps: Pick<DeliveryDeps, 'db'>, limit = 50): Promise<string[]> {
  const rows = await unscoped(deps.db, 'the worker delivers the messages of every organization')
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      or(
        and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, sql`now()`)),
        and(eq(notifications.status, 'sending'), lt(notifications.leaseUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(notifications.nextAttemptAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Delivers up to `limit` due messages one by one; returns how many were sent. */
export async function deliverDueNotifications(deps: DeliveryDeps, limit = 50): Promise<number> {
  let sent = 0;
  for (const id of await dueNotificationIds(deps, limit)) {
    if ((await deliverNotification(deps, id)) === 'sent') sent++;
  }
  return sent;
}
