import { pgErrorInfo, slotHolds } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq, lte, or } from 'drizzle-orm';
import { SLOT_TAKEN } from '../../scheduling/book-slot';
import { isSlotFree } from '../../scheduling/find-slots';
import { refuseWhenBookingOff } from '../../scheduling/online-booking';
import type { PatientContext } from '../../trpc';
import type { SlotInput } from './book.schema';

export const HOLD_MINUTES = 5;

/**
 * Holds a slot for a few minutes while the patient confirms, so two patients are not sent to
 * the same checkout. A patient has at most one hold; expired holds are cleared first.
 */
export async function holdHandler({ ctx, input }: { ctx: PatientContext; input: SlotInput }) {
  const { organizationId, patientId } = ctx.principal;
  await refuseWhenBookingOff(ctx.db, ctx.tenant);
  const now = new Date();
  const check = await isSlotFree(ctx.db, {
    organizationId,
    clinicianId: input.clinicianId,
    typeId: input.typeId,
    startsAt: input.startsAt,
    now,
    audience: 'patient',
    patientId,
  });
  const centreId = check.centreFor(input.startsAt.getTime());
  if (!check.free || !centreId) throw new TRPCError({ code: 'CONFLICT', message: SLOT_TAKEN });
  const expiresAt = new Date(now.getTime() + HOLD_MINUTES * 60_000);
  try {
    return await ctx.db.transaction(async (tx) => {
      await tx
        .delete(slotHolds)
        .where(
          or(
            eq(slotHolds.patientId, patientId),
            and(eq(slotHolds.clinicianId, check.clinician.id), lte(slotHolds.expiresAt, now)),
          ),
        );
      const [hold] = await tx
        .insert(slotHolds)
        .values(
          ctx.tenant.row({
            centreId,
            clinicianId: check.clinician.id,
            typeId: check.type.id,
            patientId,
            startsAt: input.startsAt,
            endsAt: new Date(input.startsAt.getTime() + check.type.durationMinutes * 60_000),
            expiresAt,
          }),
        )
        .returning({ id: slotHolds.id, expiresAt: slotHolds.expiresAt });
      return hold;
    });
  } catch (err) {
    if (pgErrorInfo(err)?.code === '23P01') {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'Someone else is booking this time right now. Choose another time, or try again in a few minutes.',
      });
    }
    throw err;
  }
}
