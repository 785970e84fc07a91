import { appointments, appointmentTypes, centres, type DbOrTx, staffUsers } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import { visibleCentres } from '../../scope';
import type { StaffContext } from '../../trpc';

/**
 * An appointment the staff member may act on, locked for the rest of the transaction, with what
 * the handlers need to explain themselves. Another organization's or centre's is NOT_FOUND.
 */
export async function lockAppointmentForStaff(tx: DbOrTx, ctx: Pick<StaffContext, 'principal' | 'tenant'>, id: string) {
  const [row] = await tx
    .select({
      appointment: appointments,
      zone: centres.zone,
      clinicianName: staffUsers.name,
      type: {
        durationMinutes: appointmentTypes.durationMinutes,
        name: appointmentTypes.name,
      },
    })
    .from(appointments)
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .innerJoin(staffUsers, eq(staffUsers.id, appointments.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .where(ctx.tenant.where(appointments, eq(appointments.id, id)))
    .for('update', { of: appointments });
  if (!row) throw notFound('Appointment');
  const visible = await visibleCentres(tx, ctx.principal);
  if (!visible.some((c) => c.id === row.appointment.centreId)) throw notFound('Appointment');
  return row;
}
