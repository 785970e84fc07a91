import { appointments, type appointmentTypes, type DbOrTx } from '@carelane/db';
import type { Context } from '../context';
import type { Tenant } from '../tenancy';
import { queueForSchedules, withClashMessage } from './clash';

/** Told to a patient whose chosen time is taken or no longer bookable. */
export const SLOT_TAKEN = 'That time is no longer available. Please choose another time.';

type Appointment = typeof appointments.$inferSelect;

/** What a booking takes from its appointment type: length, buffers, mode and fee. */
export type BookedType = Pick<
  typeof appointmentTypes.$inferSelect,
  'id' | 'durationMinutes' | 'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'mode' | 'priceMinor' | 'currency'
>;

export type SlotBooking = {
  centreId: string;
  clinician: { id: string; name: string };
  patientId: string;
  type: BookedType;
  startsAt: Date;
  /** The centre's zone: a clash is explained in its local time. */
  zone: string;
  source: 'dashboard' | 'booking_site';
  /** A visit paid in advance stays pending until its payment is in; any other is confirmed at once. */
  pending?: boolean;
  /** The rest of the row, where the caller has it. */
  extra?: Pick<
    typeof appointments.$inferInsert,
    'notes' | 'createdById' | 'overbooked' | 'overbookReason' | 'seriesId'
  >;
};

/**
 * Books one appointment: the meeting room of an online visit, the row (end and buffers from the
 * type, stamped with the tenant), then `andThen` (audit, messages, a waitlist entry) in the same
 * transaction, so all of it commits or none does. The no-overlap constraint decides races; its
 * refusal becomes CONFLICT naming the clashing time. Given a transaction, it books in a savepoint.
 */
export async function bookSlot<T>(
  db: DbOrTx,
  ctx: Pick<Context, 'videoLinks'> & { tenant: Tenant },
  booking: SlotBooking,
  andThen: (tx: DbOrTx, row: Appointment) => Promise<T>,
): Promise<T> {
  const { type, clinician, startsAt } = booking;
  const endsAt = new Date(startsAt.getTime() + type.durationMinutes * 60_000);
  const slot = {
    clinicianId: clinician.id,
    clinicianName: clinician.name,
    startsAt,
    endsAt,
    bufferBeforeMinutes: type.bufferBeforeMinutes,
    bufferAfterMinutes: type.bufferAfterMinutes,
    zone: booking.zone,
  };
  const videoUrl =
    type.mode === 'online' ? await ctx.videoLinks.createMeeting({ appointmentId: 'new', startsAt }) : null;
  return withClashMessage(db, slot, () =>
    db.transaction(async (tx) => {
      await queueForSchedules(tx, [clinician.id]);
      const [row] = await tx
        .insert(appointments)
        .values(
          ctx.tenant.row({
            centreId: booking.centreId,
            clinicianId: clinician.id,
            patientId: booking.patientId,
            typeId: type.id,
            startsAt,
            endsAt,
            bufferBeforeMinutes: type.bufferBeforeMinutes,
            bufferAfterMinutes: type.bufferAfterMinutes,
            status: booking.pending ? ('pending' as const) : ('confirmed' as const),
            confirmedAt: booking.pending ? null : new Date(),
            source: booking.source,
            mode: type.mode,
            feeMinor: type.priceMinor,
            currency: type.currency,
            videoUrl,
            ...booking.extra,
          }),
        )
        .returning();
      if (!row) throw new Error('Insert returned no row');
      return andThen(tx, row);
    }),
  );
}
