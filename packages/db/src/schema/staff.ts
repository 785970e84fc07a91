import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, organizationRef, updatedAt } from './columns';
import { staffRole } from './enums';
import { centres } from './organizations';

export const staffUsers = pgTable(
  'staff_users',
  {
    id: id(),
    organizationId: organizationRef(),
    name: text('name').notNull(),
    /** Sign-in identifiers are unique across the platform so sign-in needs no tenant picker. */
    email: text('email').notNull(),
    phone: text('phone'),
    role: staffRole('role').notNull(),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    /** Bumped on sign-out-everywhere or deactivation; sessions carrying an older value die. */
    sessionVersion: integer('session_version').notNull().default(1),
    defaultCentreId: uuid('default_centre_id').references(() => centres.id),
    lastSignInAt: instant('last_sign_in_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('staff_users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('staff_users_phone_key').on(t.phone),
    index('staff_users_org_idx').on(t.organizationId, t.role),
  ],
);

/** Which centres a staff member works at. */
export const staffCentres = pgTable(
  'staff_centres',
  {
    organizationId: organizationRef(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.staffUserId, t.centreId] }), index('staff_centres_centre_idx').on(t.centreId)],
);
