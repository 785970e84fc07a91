import { formatLocalTime } from '@carelane/core';
import { appointments, type Database, type DbOrTx, pgErrorInfo } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq, gt, lt, ne } from 'drizzle-orm';

/** The first active appointment of a clinician overlapping [startsAt, endsAt), if any. */
export async function findClash(
  db: DbOrTx,
  slot: { clinicianId: string; startsAt: Date; endsAt: Date; ignoreId?: string | undefined },
) {
  const [clash] = await db
    .select({ startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicianId, slot.clinicianId),
        ne(appointments.status, 'cancelled'),
        eq(appointments.overbooked, false),
        lt(appointments.startsAt, slot.endsAt),
        gt(appointments.endsAt, slot.startsAt),
        ...(slot.ignoreId ? [ne(appointments.id, slot.ignoreId)] : []),
      ),
    )
    .limit(1);
  return clash ?? null;
}

/** "from 10:00 to 10:30" in the centre's zone. */
export function clashSpan(clash: { startsAt: Date; endsAt: Date }, zone: string): string {
  return `from ${formatLocalTime(clash.startsAt, zone)} to ${formatLocalTime(clash.endsAt, zone)}`;
}

/**
 * Runs a write that may hit the no-overlap constraint; a refusal becomes CONFLICT naming the
 * clashing appointment's time, in the centre's zone.
 */
export async function withClashMessage<T>(
  db: Database,
  slot: { clinicianId: string; clinicianName: string; startsAt: Date; endsAt: Date; zone: string; ignoreId?: string },
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (pgErrorInfo(err)?.code !== '23P01') throw err;
    const clash = await findClash(db, slot);
    const when = clash ? ` ${clashSpan(clash, slot.zone)}` : ' then';
    throw new TRPCError({
      code: 'CONFLICT',
      message: `${slot.clinicianName} already has an appointment${when}. Choose another time.`,
    });
  }
}
