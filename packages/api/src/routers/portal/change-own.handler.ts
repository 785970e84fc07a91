import { appointments } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { visitMoved } from '../../messaging/appointment-messages';
import { SLOT_TAKEN } from '../../scheduling/book-slot';
import { queueForSchedules, withClashMessage } from '../../scheduling/clash';
import { isSlotFree } from '../../scheduling/find-slots';
import { offerFreedSlot } from '../../scheduling/offer';
import { refuseWhenBookingOff } from '../../scheduling/online-booking';
import { cancelByPatient, lateCheck, lockOwn } from '../../scheduling/patient-cancel';
import type { PatientContext } from '../../trpc';
import type { CancelOwnInput, RescheduleOwnInput } from './book.schema';

/** The signed-in patient's own cancellation, through the same core as reminder links and replies. */
export async function cancelOwnHandler({ ctx, input }: { ctx: PatientContext; input: CancelOwnInput }) {
  return ctx.db.transaction((tx) => cancelByPatient(tx, ctx, ctx.principal, input));
}

export async function rescheduleOwnHandler({ ctx, input }: { ctx: PatientContext; input: RescheduleOwnInput }) {
  const current = await lockOwn(ctx.db, ctx.principal, input.appointmentId);
  await refuseWhenBookingOff(ctx.db, ctx.tenant);
  const check = await isSlotFree(ctx.db, {
    organizationId: ctx.principal.organizationId,
    clinicianId: current.appointment.clinicianId,
    typeId: current.appointment.typeId,
    startsAt: input.startsAt,
    now: new Date(),
    audience: 'patient',
    patientId: ctx.principal.patientId,
    ignoreAppointmentId: current.appointment.id,
  });
  const centreId = check.centreFor(input.startsAt.getTime());
  if (!check.free || !centreId) throw new TRPCError({ code: 'CONFLICT', message: SLOT_TAKEN });
  const endsAt = new Date(input.startsAt.getTime() + check.type.durationMinutes * 60_000);
  const slot = {
    clinicianId: check.clinician.id,
    clinicianName: check.clinician.name,
    startsAt: input.startsAt,
    endsAt,
    bufferBeforeMinutes: current.appointment.bufferBeforeMinutes,
    bufferAfterMinutes: current.appointment.bufferAfterMinutes,
    zone: check.zone,
    ignoreId: current.appointment.id,
  };
  return withClashMessage(ctx.db, slot, () =>
    ctx.db.transaction(async (tx) => {
      await queueForSchedules(tx, [check.clinician.id, current.appointment.clinicianId]);
      const row = await lockOwn(tx, ctx.principal, input.appointmentId);
      const late = lateCheck(row, new Date(), 'moved');
      const [updated] = await tx
        .update(appointments)
        .set({ startsAt: input.startsAt, endsAt, centreId, lateCancellation: row.appointment.lateCancellation || late })
        .where(eq(appointments.id, row.appointment.id))
        .returning({ id: appointments.id, startsAt: appointments.startsAt, endsAt: appointments.endsAt });
      await visitMoved(tx, ctx.tenant, row.appointment.id, row.appointment.startsAt, { byPatient: true });
      await offerFreedSlot(tx, ctx, { ...row.appointment, zone: row.zone });
      await audit(
        ctx,
        {
          action: 'appointment.reschedule',
          entity: 'appointment',
          entityId: row.appointment.id,
          changes: {
            startsAt: { from: row.appointment.startsAt, to: input.startsAt },
            ...(late ? { lateChange: { to: true } } : {}),
          },
        },
        tx,
      );
      return updated;
    }),
  );
}
