import { appointmentTypes } from '@carelane/db';

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
};
