import { prepaymentMinor } from '@carelane/core';
import { type DbOrTx, slotHolds } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit';
import { visitBooked } from '../messaging/appointment-messages';
import { sendBookingPaymentLink } from '../payments/booking-link';
import type { PatientContext } from '../trpc';
import { bookSlot, SLOT_TAKEN } from './book-slot';
import { isSlotFree } from './find-slots';
import { refuseWhenBookingOff } from './online-booking';

export type PatientSlot = { clinicianId: string; typeId: string; startsAt: Date };

/**
 * A patient books a free slot of an online-bookable type for themselves, unless the clinic has
 * turned online booking off. The slot engine
 * decides what is free (hours, buffers, notice, holds); the exclusion constraint decides races.
 * `andThen` runs in the booking's transaction (accepting a waitlist offer marks its entry there).
 */
export async function bookForPatient(
  ctx: PatientContext,
  input: PatientSlot,
  andThen: (tx: DbOrTx) => Promise<void> = async () => {},
) {
  const { organizationId, patientId } = ctx.principal;
  await refuseWhenBookingOff(ctx.db, ctx.tenant);
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
  // Without a payment gateway on this server nothing can be paid online: the visit is paid at the clinic.
  const prepayMinor = ctx.payments ? prepaymentMinor(type, type.priceMinor) : 0;
  const slot = {
    centreId,
    clinician,
    patientId,
    type,
    startsAt: input.startsAt,
    zone,
    source: 'booking_site' as const,
    // A visit paid in advance stays pending until its payment is in (the Checkout callback or the
    // webhook confirms it; unpaid ones are released by the worker).
    pending: prepayMinor > 0,
  };
  const booked = await bookSlot(ctx.db, ctx, slot, async (tx, row) => {
    await tx.delete(slotHolds).where(and(eq(slotHolds.patientId, patientId), eq(slotHolds.clinicianId, clinician.id)));
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
    await visitBooked(tx, ctx.tenant, row.id, { byPatient: true });
    await andThen(tx);
    return {
      id: row.id,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      status: row.status,
      zone,
      prepaymentMinor: prepayMinor,
      currency: row.currency,
    };
  });
  if (booked.prepaymentMinor > 0) await sendBookingPaymentLink(ctx, ctx.tenant, booked.id);
  return booked;
}
