import { appointmentTypes } from '@carelane/db';
import { asc, eq } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';

/** Active types of the organization, for booking dialogs. */
export async function listTypesHandler({ ctx }: { ctx: StaffContext }) {
  return ctx.db
    .select({
      id: appointmentTypes.id,
      name: appointmentTypes.name,
      specialisation: appointmentTypes.specialisation,
      durationMinutes: appointmentTypes.durationMinutes,
      priceMinor: appointmentTypes.priceMinor,
      currency: appointmentTypes.currency,
      colour: appointmentTypes.colour,
      mode: appointmentTypes.mode,
    })
    .from(appointmentTypes)
    .where(ctx.tenant.where(appointmentTypes, eq(appointmentTypes.active, true)))
    .orderBy(asc(appointmentTypes.name));
}
