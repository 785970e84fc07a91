import { isLateCancellation } from '@carelane/core';
import { appointments, appointmentTypes, centres, type DbOrTx } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import type { PatientContext } from '../../trpc';
import { withClashMessage } from '../appointments/clash';
import { isSlotFree } from '../availability/find-slots';
import { offerFreedSlot } from '../waitlist/offer';
import { SLOT_TAKEN } from './book.handler';
import type { CancelOwnInput, RescheduleOwnInput } from './book.schema';

/** The patient's own appointment, locked; anyone else's is NOT_FOUND. */
async function lockOwn(tx: DbOrTx, ctx: PatientContext, id: string) {
  const [row] = await tx
    .select({ appointment: appointments, type: appointmentTypes, zone: centres.zone })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .where(
      and(
        eq(appointments.id, id),
        eq(appointments.organizationId, ctx.principal.organizationId),
        eq(appointments.patientId, ctx.principal.patientId),
      ),
    )
    .for('update', { of: appointments });
  if (!row) throw notFound('Appointment');
  if (row.appointment.status !== 'pending' && row.appointment.status !== 'confirmed') {
    throw new TRPCError({ code: 'CONFLICT', message: 'This appointment can no longer be changed online.' });
  }
  return row;
}

/** Late changes follow the type's policy: refused (call the clinic) or allowed and flagged. */
function lateCheck(row: Awaited<ReturnType<typeof lockOwn>>, now: Date, what: 'cancelled' | 'moved') {
  const late = isLateCancellation(row.appointment.startsAt, now, row.type.lateCancellationHours);
  if (late && row.type.lateCancellationPolicy === 'refuse') {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `This appointment starts within ${row.type.lateCancellationHours} hours, so it can no longer be ${what} online. Please call the clinic.`,
    });
  }
  return late;
}

export async function cancelOwnHandler({ ctx, input }: { ctx: PatientContext; input: CancelOwnInput }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockOwn(tx, ctx, input.appointmentId);
    const now = new Date();
    const late = lateCheck(row, now, 'cancelled');
    const [updated] = await tx
      .update(appointments)
      .set({
        status: 'cancelled',
        cancelledAt: now,
        cancellationReason: input.reason || 'Cancelled by the patient online',
        lateCancellation: late,
      })
      .where(eq(appointments.id, row.appointment.id))
      .returning({ id: appointments.id, status: appointments.status, lateCancellation: appointments.lateCancellation });
    await offerFreedSlot(tx, ctx, { ...row.appointment, zone: row.zone });
    await audit(
      ctx,
      {
        action: 'appointment.cancel',
        entity: 'appointment',
        entityId: row.appointment.id,
        changes: { status: { from: row.appointment.status, to: 'cancelled' }, lateCancellation: { to: late } },
      },
      tx,
    );
    return updated;
  });
}

export async function rescheduleOwnHandler({ ctx, input }: { ctx: PatientContext; input: RescheduleOwnInput }) {
  const current = await lockOwn(ctx.db, ctx, input.appointmentId);
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
      const row = await lockOwn(tx, ctx, input.appointmentId);
      const late = lateCheck(row, new Date(), 'moved');
      const [updated] = await tx
        .update(appointments)
        .set({ startsAt: input.startsAt, endsAt, centreId, lateCancellation: row.appointment.lateCancellation || late })
        .where(eq(appointments.id, row.appointment.id))
        .returning({ id: appointments.id, startsAt: appointments.startsAt, endsAt: appointments.endsAt });
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
