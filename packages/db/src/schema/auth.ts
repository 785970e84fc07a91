import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, nullableOrganizationRef, nullablePatientRef, organizationRef } from './columns';
import { otpPurpose, principalKind } from './enums';
import { staffUsers } from './staff';

/** One-time passcodes: only an HMAC of the code is stored. */
export const otpChallenges = pgTable(
  'otp_challenges',
  {
    id: id(),
    organizationId: nullableOrganizationRef(),
    purpose: otpPurpose('purpose').notNull(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    consumedAt: instant('consumed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('otp_challenges_phone_idx').on(t.purpose, t.phone, t.createdAt)],
);

/**
 * Server-side session records behind the signed session cookie, so that idle and absolute
 * timeouts are enforced by the server and sign-out revokes at once.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: id(),
    kind: principalKind('kind').notNull(),
    organizationId: organizationRef(),
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
    patientId: nullablePatientRef('cascade'),
    sessionVersion: integer('session_version').notNull().default(1),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('auth_sessions_staff_idx').on(t.staffUserId), index('auth_sessions_patient_idx').on(t.patientId)],
);

/** Counters for rate-limiter-flexible's Drizzle store (shared by all app instances). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: instant('expire'),
});
