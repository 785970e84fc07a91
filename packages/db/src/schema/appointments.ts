import { sql } from 'drizzle-orm';
import { boolean, char, check, index, integer, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { appointmentTypes } from './appointment-types';
import { createdAt, id, instant, organizationRef, patientRef, updatedAt } from './columns';
import { appointmentSource, appointmentStatus, consultationMode, paymentStatus } from './enums';
import { centres } from './organizations';
import { staffUsers } from './staff';

/** A repeating booking: the rule that produced ordinary appointments (each carries series_id). */
export const recurringSeries = pgTable('recurring_series', {
  id: id(),
  organizationId: organizationRef(),
  everyWeeks: integer('every_weeks').notNull(),
  occurrences: integer('occurrences').notNull(),
  createdById: uuid('created_by_id').references(() => staffUsers.id),
  createdAt: createdAt(),
});

/**
 * The exclusion constraint `appointments_no_overlap` (custom migrations 0001, 0009) makes two
 * active appointments of one clinician overlapping impossible, buffers included; `overbooked` rows
 * are left out of it.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    organizationId: organizationRef(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    clinicianId: uuid('clinician_id')
      .notNull()
      .references(() => staffUsers.id),
    patientId: patientRef(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => appointmentTypes.id),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    /**
     * The type's buffers when booked: the clinician's time blocked is [starts − before, ends + after),
     * and that widened range is what the exclusion constraint compares (migration 0009).
     */
    bufferBeforeMinutes: smallint('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: smallint('buffer_after_minutes').notNull().default(0),
    status: appointmentStatus('status').notNull().default('pending'),
    source: appointmentSource('source').notNull(),
    mode: consultationMode('mode').notNull().default('in_person'),
    feeMinor: integer('fee_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    paymentStatus: paymentStatus('payment_status').notNull().default('unpaid'),
    confirmedAt: instant('confirmed_at'),
    /** The patient said they will come (a reminder's confirm link or a reply); shown on the calendar. */
    patientConfirmedAt: instant('patient_confirmed_at'),
    /** How: link or reply. */
    patientConfirmedVia: text('patient_confirmed_via'),
    videoUrl: text('video_url'),
    notes: text('notes'),
    cancellationReason: text('cancellation_reason'),
    cancelledAt: instant('cancelled_at'),
    /** Cancelled by the patient inside the type's late-cancellation window. */
    lateCancellation: boolean('late_cancellation').notNull().default(false),
    overbooked: boolean('overbooked').notNull().default(false),
    overbookReason: text('overbook_reason'),
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    /** Set when the appointment is one occurrence of a recurring series. */
    seriesId: uuid('series_id').references(() => recurringSeries.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('appointments_centre_day_idx').on(t.organizationId, t.centreId, t.startsAt),
    index('appointments_patient_idx').on(t.organizationId, t.patientId, t.startsAt),
    index('appointments_clinician_idx').on(t.clinicianId, t.startsAt),
    index('appointments_series_idx').on(t.seriesId),
    check('appointments_range_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('appointments_overbook_reason_check', sql`not ${t.overbooked} or ${t.overbookReason} is not null`),
  ],
);
