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
    /** The TOTP secret, sealed with the app secret (seal.ts); set at enrolment, before it is confirmed. */
    totpSecretSealed: text('totp_secret_sealed'),
    /** When the second factor was confirmed; null: signs in with the password alone. */
    twoFactorEnabledAt: instant('two_factor_enabled_at'),
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

/**
 * An invitation to join as staff: a single-use link whose token is stored only as a hash. The
 * staff row exists from the invitation on (role and centres chosen), without a password until
 * the link is accepted.
 */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: id(),
    organizationId: organizationRef(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    revokedAt: instant('revoked_at'),
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('staff_invitations_token_key').on(t.tokenHash),
    index('staff_invitations_staff_idx').on(t.staffUserId),
  ],
);

/** A password reset link (one hour, single use); only the token's hash is kept. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: id(),
    organizationId: organizationRef(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('password_resets_token_key').on(t.tokenHash),
    index('password_resets_staff_idx').on(t.staffUserId),
  ],
);

/** One-time recovery codes for a staff member's second factor, stored hashed. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: id(),
    organizationId: organizationRef(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('staff_recovery_codes_staff_idx').on(t.staffUserId)],
);

/**
 * The one-time code that guards the first-run setup page. The server prints the code on its
 * console while no organization exists; only its hash is stored, and setup uses it up.
 */
export const setupCodes = pgTable('setup_codes', {
  id: id(),
  codeHash: text('code_hash').notNull(),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
  createdAt: createdAt(),
});
