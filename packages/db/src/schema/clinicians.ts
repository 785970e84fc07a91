import { boolean, char, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('clinician_profiles_org_slug_key').on(t.organizationId, t.slug)],
);
