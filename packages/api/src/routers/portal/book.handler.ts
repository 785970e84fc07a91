import { prepaymentMinor } from '@carelane/core';
import { appointments, slotHolds } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { visitBooked } from '../../messaging/appointment-messages';
import { sendBookingPaymentLink } from '../../payments/booking-link';
import { withClashMessage } from '../../scheduling/clash';
import { isSlotFree } from '../../scheduling/find-slots';
import type { PatientContext } from '../../trpc';
import type { SlotInput } from './book.schema';

export const SLOT_TAKEN = 'That time is no longer available. Please choose another time.';

/**
 * A patient books a free slot of an online-bookable type for themselves. The slot engine
 * decides what is free (hours, buffers, notice, holds); the exclusion constraint decides races.
 */
export async function bookHandler({ ctx, input }: { ctx: PatientContext; input: SlotInput }) {
  const { organizationId, patientId } = ctx.principal;
  const check = await isSlotFree(ctx.db, {
    organizationId,
    clinicianId: input.clinicianId,
    typeId: input.typeId,
    startsAt: input.startsAt,
    now: new Date(),
    audience: 'patient',
    patientId,
  });
  if (!check.free) throw new TRPCError({ code: 'CONFLICT', message: SLOT_TAKEN });
  const { type, clinician, zone } = check;
  const centreId = check.centreFor(input.startsAt.getTime());
  if (!centreId) throw new TRPCError({ code: 'CONFLICT', message: SLOT_TAKEN });
  const endsAt = new Date(input.startsAt.getTime() + type.durationMinutes * 60_000);
  // Without a payment gateway on this server nothing can be paid online: the visit is paid at the clinic.
  const prepayMinor = ctx.payments ? prepaymentMinor(type, type.priceMinor) : 0;
  const slot = {
    clinicianId: clinician.id,
    clinicianName: clinician.name,
    startsAt: input.startsAt,
    endsAt,
    bufferBeforeMinutes: type.bufferBeforeMinutes,
    bufferAfterMinutes: type.bufferAfterMinutes,
    zone,
  };
  const videoUrl =
    type.mode === 'online'
      ? await ctx.videoLinks.createMeeting({ appointmentId: 'new', startsAt: input.startsAt })
      : null;
  const booked = await withClashMessage(ctx.db, slot, () =>
    ctx.db.transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .insert(appointments)
        .values({
          organizationId,
          centreId,
          clinicianId: clinician.id,
          patientId,
          typeId: type.id,
          startsAt: input.startsAt,
          endsAt,
          bufferBeforeMinutes: type.bufferBeforeMinutes,
          bufferAfterMinutes: type.bufferAfterMinutes,
          // A visit paid in advance stays pending until its payment is in (the Checkout callback
          // or the webhook confirms it; unpaid ones are released by the worker).
          status: prepayMinor > 0 ? 'pending' : 'confirmed',
          confirmedAt: prepayMinor > 0 ? null : now,
          source: 'booking_site',
          mode: type.mode,
          feeMinor: type.priceMinor,
          currency: type.currency,
          videoUrl,
        })
        .returning();
      if (!row) throw new Error('Insert returned no row');
      await tx
        .delete(slotHolds)
        .where(and(eq(slotHolds.patientId, patientId), eq(slotHolds.clinicianId, clinician.id)));
      await audit(
        ctx,
        {
          action: 'appointment.book',
          entity: 'appointment',
          entityId: row.id,
          changes: { startsAt: { to: row.startsAt }, clinicianId: { to: row.clinicianId }, typeId: { to: row.typeId } },
        },
        tx,
      );
      await visitBooked(tx, row.id, { byPatient: true });
      return {
        id: row.id,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        status: row.status,
        zone,
        prepaymentMinor: prepayMinor,
        currency: row.currency,
      };
    }),
  );
  if (booked.prepaymentMinor > 0) await sendBookingPaymentLink(ctx, organizationId, booked.id);
  return booked;
}
