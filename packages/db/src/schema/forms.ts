import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, organizationRef, patientRef } from './columns';
import { files } from './files';
import { staffUsers } from './staff';

/**
 * The organization's medical-history questionnaire, one row per published version (saving
 * publishes the next). `questions` is the definition checked by @carelane/core's questionnaire
 * model; a version is never changed once written.
 */
export const questionnaireVersions = pgTable(
  'questionnaire_versions',
  {
    id: id(),
    organizationId: organizationRef(),
    version: integer('version').notNull(),
    /** Questionnaire definition (@carelane/core `Questionnaire`), stored as published. */
    questions: jsonb('questions').$type<unknown>().notNull(),
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('questionnaire_versions_org_version_key').on(t.organizationId, t.version),
    check('questionnaire_versions_version_check', sql`${t.version} >= 1`),
  ],
);

/**
 * A link sent to one patient to fill in one version of the questionnaire. The token is 128 random
 * bits shown once; only its SHA-256 is stored. Usable once, until `expires_at`, unless revoked;
 * five wrong birth dates lock it.
 */
export const formRequests = pgTable(
  'form_requests',
  {
    id: id(),
    organizationId: organizationRef(),
    patientId: patientRef(),
    questionnaireVersionId: uuid('questionnaire_version_id')
      .notNull()
      .references(() => questionnaireVersions.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    /** Channels it was sent through ('sms', 'whatsapp', 'email'); empty when only copied. */
    sentVia: text('sent_via').array().notNull().default(sql`'{}'::text[]`),
    openedAt: instant('opened_at'),
    failedBirthDateAttempts: integer('failed_birth_date_attempts').notNull().default(0),
    lockedAt: instant('locked_at'),
    submittedAt: instant('submitted_at'),
    revokedAt: instant('revoked_at'),
    revokedById: uuid('revoked_by_id').references(() => staffUsers.id),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('form_requests_token_hash_key').on(t.tokenHash),
    index('form_requests_patient_idx').on(t.organizationId, t.patientId, t.createdAt),
    // The organization's links newest first (forms.overview, read backwards): a page reads its rows, not every link.
    index('form_requests_org_created_idx').on(t.organizationId, t.createdAt, t.id),
  ],
);

/**
 * What a patient submitted: immutable (a trigger refuses changes, migration 0028; only a move to
 * another patient record, for merges). `answers` keeps each question as it was shown with the
 * answer given, so a later version of the questionnaire never changes what was answered.
 */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    id: id(),
    organizationId: organizationRef(),
    patientId: patientRef(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => formRequests.id),
    questionnaireVersionId: uuid('questionnaire_version_id')
      .notNull()
      .references(() => questionnaireVersions.id),
    version: integer('version').notNull(),
    /** The questions as shown with their answers (@carelane/core snapshot). */
    answers: jsonb('answers').$type<unknown>().notNull(),
    signatureFileId: uuid('signature_file_id')
      .notNull()
      .references(() => files.id),
    confirmedBirthDate: date('confirmed_birth_date').notNull(),
    submittedAt: instant('submitted_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('form_submissions_request_key').on(t.requestId),
    index('form_submissions_patient_idx').on(t.organizationId, t.patientId, t.submittedAt),
  ],
);
