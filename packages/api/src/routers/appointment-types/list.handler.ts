import { appointmentTypes } from '@carelane/db';
import { asc, eq } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import { bookingTypeColumns } from './columns';

/** Active types of the organization, for booking dialogs. */
export async function listTypesHandler({ ctx }: { ctx: StaffContext }) {
  return ctx.db
    .select(bookingTypeColumns)
    .from(appointmentTypes)
    .where(ctx.tenant.where(appointmentTypes, eq(appointmentTypes.active, true)))
    .orderBy(asc(appointmentTypes.name));
}
