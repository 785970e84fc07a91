import { can } from '@carelane/auth';
import { appointments, staffCentres, staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import { visitMoved } from '../../messaging/appointment-messages';
import { queueForSchedules, withClashMessage } from '../../scheduling/clash';
import { offerFreedSlot } from '../../scheduling/offer';
import { requireOffered } from '../../scheduling/offered-types';
import { requireWorkingTime } from '../../scheduling/working-time';
import type { StaffContext } from '../../trpc';
import { lockAppointmentForStaff } from './load';
import type { RescheduleInput } from './reschedule.schema';

const MOVABLE = new Set(['pending', 'confirmed']);

/**
 * Moves an appointment (the calendar's drag). An overlap, or a time outside the clinician's working
 * time, is a CONFLICT and changes nothing, unless it is a deliberate overbooking with a reason.
 */
export async function rescheduleHandler({ ctx, input }: { ctx: StaffContext; input: RescheduleInput }) {
  if (input.overbook && !can(ctx.principal.role, 'appointments:overbook')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role cannot overbook. Ask a centre manager.' });
  }
  const current = await lockAppointmentForStaff(ctx.db, ctx, input.id);
  let clinicianName = current.clinicianName;
  if (input.clinicianId && input.clinicianId !== current.appointment.clinicianId) {
    const [other] = await ctx.db
      .select({ name: staffUsers.name })
      .from(staffUsers)
      .innerJoin(
        staffCentres,
        and(eq(staffCentres.staffUserId, staffUsers.id), eq(staffCentres.centreId, current.appointment.centreId)),
      )
      .where(
        ctx.tenant.where(
          staffUsers,
          eq(staffUsers.id, input.clinicianId),
          eq(staffUsers.role, 'clinician'),
          eq(staffUsers.active, true),
        ),
      );
    if (!other) throw notFound('Clinician');
    // The visit keeps its type: the clinician it moves to must offer it.
    await requireOffered(
      ctx.db,
      ctx.tenant,
      { id: input.clinicianId, name: other.name },
      {
        id: current.appointment.typeId,
        name: current.type.name,
      },
    );
    clinicianName = other.name;
  }
  const clinicianId = input.clinicianId ?? current.appointment.clinicianId;
  const duration = current.appointment.endsAt.getTime() - current.appointment.startsAt.getTime();
  const endsAt = new Date(input.startsAt.getTime() + duration);
  if (!input.overbook) {
    await requireWorkingTime(ctx.db, ctx.tenant, {
      clinician: { id: clinicianId, name: clinicianName },
      centreId: current.appointment.centreId,
      startsAt: input.startsAt,
      endsAt,
      mode: current.appointment.mode,
    });
  }
  const slot = {
    clinicianId,
    clinicianName,
    startsAt: input.startsAt,
    endsAt,
    bufferBeforeMinutes: current.appointment.bufferBeforeMinutes,
    bufferAfterMinutes: current.appointment.bufferAfterMinutes,
    zone: current.zone,
    ignoreId: input.id,
  };
  return withClashMessage(ctx.db, slot, () =>
    ctx.db.transaction(async (tx) => {
      await queueForSchedules(tx, [clinicianId, current.appointment.clinicianId]);
      const { appointment, zone } = await lockAppointmentForStaff(tx, ctx, input.id);
      if (!MOVABLE.has(appointment.status)) {
        throw new TRPCError({ code: 'CONFLICT', message: 'Only pending or confirmed appointments can be moved.' });
      }
      const [updated] = await tx
        .update(appointments)
        .set({
          startsAt: input.startsAt,
          endsAt,
          clinicianId,
          ...(input.overbook ? { overbooked: true, overbookReason: input.overbookReason ?? null } : {}),
        })
        .where(eq(appointments.id, appointment.id))
        .returning();
      await audit(
        ctx,
        {
          action: input.overbook ? 'appointment.overbook' : 'appointment.reschedule',
          entity: 'appointment',
          entityId: appointment.id,
          changes: {
            startsAt: { from: appointment.startsAt, to: input.startsAt },
            ...(input.overbook
              ? { overbookReason: { from: appointment.overbookReason, to: input.overbookReason } }
              : {}),
            ...(clinicianId !== appointment.clinicianId
              ? { clinicianId: { from: appointment.clinicianId, to: clinicianId } }
              : {}),
          },
        },
        tx,
      );
      await visitMoved(tx, ctx.tenant, appointment.id, appointment.startsAt, { byPatient: false });
      // The time it left may suit someone on the waitlist.
      await offerFreedSlot(tx, ctx, { ...appointment, zone });
      return updated;
    }),
  );
}
