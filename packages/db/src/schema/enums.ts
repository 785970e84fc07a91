import {
  APPOINTMENT_SOURCES,
  APPOINTMENT_STATUSES,
  CONSULTATION_MODES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  PAYMENT_STATUSES,
  SEXES,
  STAFF_ROLES,
} from '@carelane/core';
import { pgEnum } from 'drizzle-orm/pg-core';

export const staffRole = pgEnum('staff_role', STAFF_ROLES);
export const consultationMode = pgEnum('consultation_mode', CONSULTATION_MODES);
export const appointmentStatus = pgEnum('appointment_status', APPOINTMENT_STATUSES);
export const appointmentSource = pgEnum('appointment_source', APPOINTMENT_SOURCES);
export const paymentStatus = pgEnum('payment_status', PAYMENT_STATUSES);
export const sex = pgEnum('sex', SEXES);
export const notificationChannel = pgEnum('notification_channel', NOTIFICATION_CHANNELS);
export const notificationStatus = pgEnum('notification_status', NOTIFICATION_STATUSES);
export const availabilityExceptionKind = pgEnum('availability_exception_kind', ['time_off', 'extra_hours', 'closure']);
export const principalKind = pgEnum('principal_kind', ['staff', 'patient']);
export const otpPurpose = pgEnum('otp_purpose', ['staff_sign_in', 'patient_sign_in']);
export const householdRelationship = pgEnum('household_relationship', [
  'self',
  'parent',
  'child',
  'spouse',
  'guardian',
  'sibling',
  'other',
]);
export const lateCancellationPolicy = pgEnum('late_cancellation_policy', ['flag', 'refuse']);
/** Who may book on the booking site: anyone (new patients register), only patients the clinic already has, or nobody. */
export const onlineBookingPolicy = pgEnum('online_booking_policy', ['anyone', 'existing_patients', 'off']);
