import { audit } from '../../audit';
import { visitBooked } from '../../messaging/appointment-messages';
import { bookSlot } from '../../scheduling/book-slot';
import { prepareStaffBooking, staffSlot } from '../../scheduling/staff-booking';
import { requireWorkingTime } from '../../scheduling/working-time';
import type { StaffContext } from '../../trpc';
import type { CreateAppointmentInput } from './create.schema';

/**
 * Books an appointment for a patient (staff). The exclusion constraint decides overlaps; a
 * refusal becomes CONFLICT naming the clashing time. A time outside the clinician's working time
 * (a break, before or after hours, a day off, time off, a closure) is CONFLICT naming it; either
 * is allowed only as a deliberate overbooking with a reason.
 */
export async function createAppointmentHandler({ ctx, input }: { ctx: StaffContext; input: CreateAppointmentInput }) {
  const booking = await prepareStaffBooking(ctx, input);
  if (!input.overbook) {
    const endsAt = new Date(input.startsAt.getTime() + booking.type.durationMinutes * 60_000);
    await requireWorkingTime(ctx.db, ctx.tenant, {
      clinician: booking.clinician,
      centreId: booking.centre.id,
      startsAt: input.startsAt,
      endsAt,
      mode: booking.type.mode,
    });
  }
  const slot = staffSlot(ctx, booking, input.startsAt, {
    notes: input.notes ?? null,
    overbooked: input.overbook,
    overbookReason: input.overbook ? (input.overbookReason ?? null) : null,
  });
  return bookSlot(ctx.db, ctx, slot, async (tx, row) => {
    await audit(
      ctx,
      {
        action: input.overbook ? 'appointment.overbook' : 'appointment.create',
        entity: 'appointment',
        entityId: row.id,
        changes: {
          startsAt: { to: row.startsAt },
          clinicianId: { to: row.clinicianId },
          patientId: { to: row.patientId },
          ...(input.overbook ? { overbookReason: { to: row.overbookReason } } : {}),
        },
      },
      tx,
    );
    await visitBooked(tx, ctx.tenant, row.id, { byPatient: false });
    return row;
  });
}
