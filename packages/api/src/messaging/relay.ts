import type { Database } from '@carelane/db';
import { sql } from 'drizzle-orm';
import { unscoped } from '../tenancy';

export type RelayOptions = {
  /** At most this many rows per call. */
  limit: number;
  /**
   * A row queued longer ago than this and still not taken is queued again: its job was lost (the
   * relay died between marking and inserting the job). Should be at least the delivery lease, so a
   * message whose worker died is queued again once its lease has run out.
   */
  requeueAfterMs: number;
};

/**
 * The relay's half of the outbox: marks the messages a worker may take now (pending and due, or
 * held by a worker whose lease ran out) as queued and returns their ids, for one job each.
 * One statement with SKIP LOCKED, so relays in several processes never mark the same row twice.
 * A duplicate job is harmless anyway: deliverNotification's claim lets only one through.
 */
export async function markDueNotifications(db: Database, options: RelayOptions): Promise<string[]> {
  const outbox = unscoped(db, 'the relay queues the due messages of every organization');
  const rows = await outbox.execute<{ id: string }>(sql`
    update notifications set queued_at = now()
    where id in (
      select id from notifications
      where ((status = 'pending' and next_attempt_at <= now())
          or (status = 'sending' and lease_until < now()))
        and (queued_at is null or queued_at < now() - make_interval(secs => ${options.requeueAfterMs / 1000}))
      order by next_attempt_at
      limit ${options.limit}
      for update skip locked
    )
    returning id`);
  return rows.map((row) => row.id);
}
