import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { appointmentTypes } from './appointment-types';
import { createdAt, id, instant, organizationRef, patientRef } from './columns';
import { centres } from './organizations';
import { staffUsers } from './staff';

/**
 * A few minutes' claim on a slot while a patient confirms on the booking site, so two patients
 * are not sent to the same checkout. `slot_holds_no_overlap` (custom migration) keeps holds of
 * one clinician apart; expired holds are deleted before a new one is taken.
 */
export const slotHolds = pgTable(
  'slot_holds',
  {
    id: id(),
    organizationId: organizationRef(),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    clinicianId: uuid('clinician_id')
      .notNull()
      .references(() => staffUsers.id),
    typeId: uuid('type_id')
      .notNull()
      .references(() => appointmentTypes.id),
    patientId: patientRef('cascade'),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('slot_holds_clinician_idx').on(t.clinicianId, t.startsAt)],
);
