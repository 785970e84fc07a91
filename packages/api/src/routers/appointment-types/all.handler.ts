import { appointmentTypes } from '@carelane/db';
import { asc, desc } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import { bookingTypeColumns } from './columns';

/** Every type of the organization, active and archived, with every setting: the settings page. */
export function allTypesHandler({ ctx }: { ctx: StaffContext }) {
  return ctx.db
    .select({
      ...bookingTypeColumns,
      bufferBeforeMinutes: appointmentTypes.bufferBeforeMinutes,
      bufferAfterMinutes: appointmentTypes.bufferAfterMinutes,
      onlineBookable: appointmentTypes.onlineBookable,
      requiresPrepayment: appointmentTypes.requiresPrepayment,
      depositMinor: appointmentTypes.depositMinor,
      minimumNoticeMinutes: appointmentTypes.minimumNoticeMinutes,
      bookingHorizonDays: appointmentTypes.bookingHorizonDays,
      slotIntervalMinutes: appointmentTypes.slotIntervalMinutes,
      lateCancellationHours: appointmentTypes.lateCancellationHours,
      lateCancellationPolicy: appointmentTypes.lateCancellationPolicy,
      lateCancellationFeeMinor: appointmentTypes.lateCancellationFeeMinor,
      noShowFeeMinor: appointmentTypes.noShowFeeMinor,
      active: appointmentTypes.active,
    })
    .from(appointmentTypes)
    .where(ctx.tenant.owns(appointmentTypes))
    .orderBy(desc(appointmentTypes.active), asc(appointmentTypes.name));
}
