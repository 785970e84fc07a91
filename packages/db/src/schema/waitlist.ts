import { date, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appointmentTypes } from './appointment-types';
import { createdAt, id, instant, organizationRef, patientRef } from './columns';
import { notifications } from './notifications';
import { centres } from './organizations';
import { staffUsers } from './staff';

export const waitlistStatus = pgEnum('waitlist_status', ['waiting', 'booked', 'cancelled']);
export const waitlistOfferStatus = pgEnum('waitlist_offer_status', ['open', 'accepted', 'lost']);

/** A patient's wish for an earlier or any time: a clinician or a specialisation, a type, a date range. */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: id(),
    organizationId: organizationRef(),
    patientId: patientRef('cascade'),
    clinicianId: uuid('clinician_id').references(() => staffUsers.id),
    specialisation: text('specialisation'),
    typeId: uuid('type_id')
      .notNull()
      .references(() => appointmentTypes.id),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    /** What the front desk should know, e.g. "mornings only"; patients never see it. */
    notes: text('notes'),
    status: waitlistStatus('status').notNull().default('waiting'),
    createdAt: createdAt(),
  },
  (t) => [index('waitlist_entries_waiting_idx').on(t.organizationId, t.status, t.createdAt)],
);

/**
 * A freed slot offered to the first waiting patients; the first to accept books it (the
 * appointments exclusion constraint settles the race), the others' offers are lost.
 */
export const waitlistOffers = pgTable(
  'waitlist_offers',
  {
    id: id(),
    organizationId: organizationRef(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => waitlistEntries.id, { onDelete: 'cascade' }),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    clinicianId: uuid('clinician_id')
      .notNull()
      .references(() => staffUsers.id),
    startsAt: instant('starts_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    status: waitlistOfferStatus('status').notNull().default('open'),
    notificationId: uuid('notification_id').references(() => notifications.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('waitlist_offers_entry_idx').on(t.entryId),
    index('waitlist_offers_slot_idx').on(t.clinicianId, t.startsAt),
    // A freed time is offered to a wish once, however often it is freed again (or by racing cancellations).
    uniqueIndex('waitlist_offers_once').on(t.entryId, t.clinicianId, t.startsAt),
  ],
);
