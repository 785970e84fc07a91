import { formatLocalTime } from '@carelane/core';
import { appointments, type DbOrTx, pgErrorInfo } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq, ne, sql } from 'drizzle-orm';

/** A time a clinician would be booked for, with the buffers its type keeps around it. */
export type SlotSpan = {
  clinicianId: string;
  startsAt: Date;
  endsAt: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** The appointment being moved: its own current time does not clash. */
  ignoreId?: string | undefined;
};

export type Clash = { startsAt: Date; endsAt: Date; bufferBeforeMinutes: number; bufferAfterMinutes: number };

/**
 * The first active appointment of the clinician whose blocked time (buffers included) meets the
 * slot's, if any: the same test as the `appointments_no_overlap` constraint, and served by its index.
 */
export async function findClash(db: DbOrTx, slot: SlotSpan): Promise<Clash | null> {
  const [clash] = await db
    .select({
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      bufferBeforeMinutes: appointments.bufferBeforeMinutes,
      bufferAfterMinutes: appointments.bufferAfterMinutes,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicianId, slot.clinicianId),
        ne(appointments.status, 'cancelled'),
        eq(appointments.overbooked, false),
        sql`carelane_blocked_range(${appointments.startsAt}, ${appointments.endsAt}, ${appointments.bufferBeforeMinutes}, ${appointments.bufferAfterMinutes})
          && carelane_blocked_range(${slot.startsAt.toISOString()}::timestamptz, ${slot.endsAt.toISOString()}::timestamptz, ${slot.bufferBeforeMinutes}::int, ${slot.bufferAfterMinutes}::int)`,
        ...(slot.ignoreId ? [ne(appointments.id, slot.ignoreId)] : []),
      ),
    )
    .orderBy(appointments.startsAt)
    .limit(1);
  return clash ?? null;
}

/** "from 10:00 to 10:30" in the centre's zone. */
export function clashSpan(clash: { startsAt: Date; endsAt: Date }, zone: string): string {
  return `from ${formatLocalTime(clash.startsAt, zone)} to ${formatLocalTime(clash.endsAt, zone)}`;
}

/**
 * Why a slot clashes, for a receptionist: the other appointment's time, and when the two only
 * meet through their buffers, the gap the clinic keeps between them.
 */
export function clashReason(slot: SlotSpan, clash: Clash, zone: string): string {
  const base = `an appointment ${clashSpan(clash, zone)}`;
  if (clash.endsAt <= slot.startsAt) {
    return `${base} and keeps ${clash.bufferAfterMinutes + slot.bufferBeforeMinutes} minutes free after it`;
  }
  if (clash.startsAt >= slot.endsAt) {
    return `${base} and keeps ${slot.bufferAfterMinutes + clash.bufferBeforeMinutes} minutes free before it`;
  }
  return base;
}

/**
 * Makes writes to these clinicians' schedules wait their turn, for the rest of the transaction.
 * Two inserts that meet in the no-overlap constraint each wait for the other's uncommitted row,
 * and PostgreSQL breaks that deadlock only after `deadlock_timeout` (1 s), so 50 people racing
 * for one slot took tens of seconds. Queued, each finds the winner committed at once and gets its
 * CONFLICT in milliseconds. The constraint still decides; this lock only orders the writers. Ids
 * are locked in one order so two moves between the same clinicians cannot wait on each other.
 */
export async function queueForSchedules(tx: DbOrTx, clinicianIds: string[]): Promise<void> {
  for (const id of [...new Set(clinicianIds)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`clinician-schedule:${id}`}, 0))`);
  }
}

/** How often a write that deadlocked on the constraint is run again before giving up. */
const DEADLOCK_RETRIES = 3;

/**
 * Runs a write (a whole transaction) that may hit the no-overlap constraint; a refusal becomes
 * CONFLICT naming the clashing appointment's time, in the centre's zone.
 *
 * Concurrent inserts into an exclusion constraint can each find the other's uncommitted row and
 * wait on it: PostgreSQL then aborts one with a deadlock (40P01). The aborted transaction wrote
 * nothing, so it is simply run again, and then sees the winner's committed row. Inside an outer
 * transaction the write is a savepoint, which rolls back alone.
 */
export async function withClashMessage<T>(
  db: DbOrTx,
  slot: SlotSpan & { clinicianName: string; zone: string },
  write: () => Promise<T>,
): Promise<T> {
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (err) {
        if (pgErrorInfo(err)?.code !== '40P01' || attempt > DEADLOCK_RETRIES) throw err;
      }
    }
  } catch (err) {
    if (pgErrorInfo(err)?.code !== '23P01') throw err;
    const clash = await findClash(db, slot);
    const reason = clash ? clashReason(slot, clash, slot.zone) : 'an appointment then';
    throw new TRPCError({
      code: 'CONFLICT',
      message: `${slot.clinicianName} already has ${reason}. Choose another time.`,
    });
  }
}
