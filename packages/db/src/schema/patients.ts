import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, instant, organizationRef, updatedAt } from './columns';
import { householdRelationship, sex } from './enums';

export type PatientAddress = {
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
};
export type EmergencyContact = { name: string; phone: string; relationship?: string };
export type HealthPlan = { insurer: string; plan?: string; memberId?: string; validTo?: string };

export const households = pgTable(
  'households',
  {
    id: id(),
    organizationId: organizationRef(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('households_org_idx').on(t.organizationId)],
);

export const patients = pgTable(
  'patients',
  {
    id: id(),
    organizationId: organizationRef(),
    /** Medical record number, assigned per organization. */
    mrn: text('mrn').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull().default(''),
    /** E.164. */
    phone: text('phone'),
    email: text('email'),
    birthDate: date('birth_date'),
    sex: sex('sex'),
    bloodGroup: text('blood_group'),
    address: jsonb('address').$type<PatientAddress>(),
    emergencyContact: jsonb('emergency_contact').$type<EmergencyContact>(),
    healthPlan: jsonb('health_plan').$type<HealthPlan>(),
    tags: text('tags').array().notNull().default([]),
    leadSource: text('lead_source'),
    consentSms: boolean('consent_sms').notNull().default(false),
    consentWhatsapp: boolean('consent_whatsapp').notNull().default(false),
    consentEmail: boolean('consent_email').notNull().default(false),
    /** The language messages reach the patient in (a MessageLanguage: en, hi). */
    language: text('language').notNull().default('en'),
    householdId: uuid('household_id').references(() => households.id),
    householdRelationship: householdRelationship('household_relationship'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => patients.id),
    archivedAt: instant('archived_at'),
    notes: text('notes'),
    /** Start of the latest checked-in or completed appointment; kept by a trigger on appointments (migration 0013). */
    lastVisitAt: instant('last_visit_at'),
    /**
     * Start of the latest pending or confirmed appointment, kept by the same trigger (migration 0020).
     * The patient has an appointment ahead exactly when it is after now, whatever time it is.
     */
    latestBookedAt: instant('latest_booked_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('patients_org_mrn_key').on(t.organizationId, t.mrn),
    // One live record per phone in an organization; merged records keep theirs for history.
    uniqueIndex('patients_org_phone_key').on(t.organizationId, t.phone).where(sql`${t.mergedIntoId} is null`),
    // Most patients are in no household; only those who are need an entry.
    index('patients_household_idx').on(t.householdId).where(sql`${t.householdId} is not null`),
    // (organization, created_at) is served by patients_list_created_idx (migration 0013).
  ],
);

/**
 * Every word of an organization's patients' names, once: a typo is matched against these few
 * thousand words (trigrams), and the words found are then looked up exactly in the patients'
 * name-word index. Filled by triggers on patients (migration 0018); words are never removed
 * (a stale word only finds nobody).
 */
export const patientNameWords = pgTable(
  'patient_name_words',
  {
    organizationId: organizationRef(),
    word: text('word').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.word] }),
    index('patient_name_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
  ],
);

/**
 * Live patients of an organization counted by one fact at a time (sex, birth date, lead source,
 * local day registered, local day of the last visit), kept by statement triggers on patients
 * (migration 0024), so the registry's statistics read a few thousand counters instead of
 * scanning every patient. `value` '' stands for "not recorded".
 */
export const patientCounts = pgTable(
  'patient_counts',
  {
    organizationId: organizationRef(),
    dimension: text('dimension', { enum: ['sex', 'birth', 'source', 'created', 'visit'] }).notNull(),
    value: text('value').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.dimension, t.value] })],
);
