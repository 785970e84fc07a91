import { boolean, char, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appointmentTypes } from './appointment-types';
import { createdAt, organizationRef, updatedAt } from './columns';
import { consultationMode } from './enums';
import { staffUsers } from './staff';

/** The public face of a staff member with the clinician role. */
export const clinicianProfiles = pgTable(
  'clinician_profiles',
  {
    staffUserId: uuid('staff_user_id')
      .primaryKey()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    organizationId: organizationRef(),
    slug: text('slug').notNull(),
    title: text('title'),
    specialisations: text('specialisations').array().notNull().default([]),
    qualifications: text('qualifications').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    feeMinor: integer('fee_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    photoUrl: text('photo_url'),
    bio: text('bio'),
    modes: consultationMode('modes').array().notNull().default(['in_person']),
    listed: boolean('listed').notNull().default(true),
    /** Place in the booking site's directory: lower first, then by name. */
    directoryOrder: integer('directory_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('clinician_profiles_org_slug_key').on(t.organizationId, t.slug)],
);

/**
 * The appointment types a clinician offers: only these can be booked with them, on the desk or
 * online (a psychologist is never booked for a dental check-up).
 */
export const clinicianAppointmentTypes = pgTable(
  'clinician_appointment_types',
  {
    organizationId: organizationRef(),
    clinicianId: uuid('clinician_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    typeId: uuid('type_id')
      .notNull()
      .references(() => appointmentTypes.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.clinicianId, t.typeId] }),
    index('clinician_appointment_types_type_idx').on(t.typeId),
  ],
);
