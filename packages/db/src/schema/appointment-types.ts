import { sql } from 'drizzle-orm';
import { boolean, char, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, organizationRef, updatedAt } from './columns';
import { consultationMode, lateCancellationPolicy } from './enums';

export const appointmentTypes = pgTable(
  'appointment_types',
  {
    id: id(),
    organizationId: organizationRef(),
    name: text('name').notNull(),
    /** The specialisation this type belongs to, used to match clinicians. */
    specialisation: text('specialisation'),
    durationMinutes: integer('duration_minutes').notNull(),
    priceMinor: integer('price_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    colour: text('colour').notNull(),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    mode: consultationMode('mode').notNull().default('in_person'),
    onlineBookable: boolean('online_bookable').notNull().default(true),
    requiresPrepayment: boolean('requires_prepayment').notNull().default(false),
    depositMinor: integer('deposit_minor').notNull().default(0),
    /** Patients cannot book online closer to the start than this. */
    minimumNoticeMinutes: integer('minimum_notice_minutes').notNull().default(120),
    /** How far ahead patients may book online. */
    bookingHorizonDays: integer('booking_horizon_days').notNull().default(60),
    /** Step between offered start times. */
    slotIntervalMinutes: integer('slot_interval_minutes').notNull().default(15),
    /** A patient cancelling within this many hours of the start is a late cancellation. */
    lateCancellationHours: integer('late_cancellation_hours').notNull().default(24),
    /** What happens to a late cancellation by a patient: refused, or allowed and flagged. */
    lateCancellationPolicy: lateCancellationPolicy('late_cancellation_policy').notNull().default('flag'),
    /** Offered as an invoice line for a late cancellation (0: no fee). */
    lateCancellationFeeMinor: integer('late_cancellation_fee_minor').notNull().default(0),
    /** Offered as an invoice line when the patient did not come (0: no fee). */
    noShowFeeMinor: integer('no_show_fee_minor').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('appointment_types_org_idx').on(t.organizationId),
    check('appointment_types_duration_check', sql`${t.durationMinutes} between 5 and 480`),
    check('appointment_types_price_check', sql`${t.priceMinor} >= 0`),
    check('appointment_types_fees_check', sql`${t.lateCancellationFeeMinor} >= 0 and ${t.noShowFeeMinor} >= 0`),
    check('appointment_types_interval_check', sql`${t.slotIntervalMinutes} between 5 and 240`),
    check('appointment_types_buffers_check', sql`${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0`),
    check(
      'appointment_types_policy_check',
      sql`${t.minimumNoticeMinutes} >= 0 and ${t.bookingHorizonDays} between 1 and 730 and ${t.lateCancellationHours} >= 0`,
    ),
  ],
);
