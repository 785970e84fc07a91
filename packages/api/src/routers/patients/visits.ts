import { appointments, appointmentTypes, centres, staffUsers } from '@carelane/db';
import { eq } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';

/** What a patient's page shows of a visit. */
export const visitColumns = {
  id: appointments.id,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  status: appointments.status,
  mode: appointments.mode,
  paymentStatus: appointments.paymentStatus,
  feeMinor: appointments.feeMinor,
  currency: appointments.currency,
  // The zone, so times read as the clinic's clock whatever the viewer's computer says.
  centre: { id: centres.id, name: centres.name, zone: centres.zone },
  clinician: { id: staffUsers.id, name: staffUsers.name },
  type: { id: appointmentTypes.id, name: appointmentTypes.name },
};

/** Visits joined with what names them; the caller's WHERE scopes them to the tenant. */
export function visitsQuery(ctx: StaffContext) {
  return ctx.db
    .select(visitColumns)
    .from(appointments)
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .innerJoin(staffUsers, eq(staffUsers.id, appointments.clinicianId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId));
}
