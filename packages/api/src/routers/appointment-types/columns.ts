import { appointmentTypes, clinicianAppointmentTypes } from '@carelane/db';
import { sql } from 'drizzle-orm';

/** What a booking dialog needs of a type; the settings page reads these and every setting. */
export const bookingTypeColumns = {
  id: appointmentTypes.id,
  name: appointmentTypes.name,
  specialisation: appointmentTypes.specialisation,
  durationMinutes: appointmentTypes.durationMinutes,
  priceMinor: appointmentTypes.priceMinor,
  currency: appointmentTypes.currency,
  colour: appointmentTypes.colour,
  mode: appointmentTypes.mode,
  /** The clinicians who offer it: a booking dialog offers only these. */
  offeredBy: sql<string[]>`(select coalesce(array_agg(${clinicianAppointmentTypes.clinicianId})::text[], '{}'::text[])
    from ${clinicianAppointmentTypes} where ${clinicianAppointmentTypes.typeId} = ${appointmentTypes.id})`,
};
