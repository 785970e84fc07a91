import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { patients } from './patients';

// Shared column builders so every table spells ids, timestamps and tenant references the same way.
// Function declarations, not arrow constants: organizations.ts and patients.ts import this file
// while it imports them, and a hoisted function can be called before this module has run.
// The tables themselves are only read inside `references(() => ...)`, after every module has run.

export function id() {
  return uuid('id').primaryKey().defaultRandom();
}

export function createdAt() {
  return timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
}

export function updatedAt() {
  return timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
}

export function instant(name: string) {
  return timestamp(name, { withTimezone: true });
}

/** The organization (tenant) a row belongs to. */
export function organizationRef() {
  return uuid('organization_id')
    .notNull()
    .references(() => organizations.id);
}

/** The same reference for rows written before the tenant is known (an OTP request, a gateway event, an outbox row). */
export function nullableOrganizationRef() {
  return uuid('organization_id').references(() => organizations.id);
}

/** The patient a row is about; `cascade` for rows that mean nothing without the patient (a hold, a waitlist entry). */
export function patientRef(onDelete?: 'cascade') {
  return uuid('patient_id')
    .notNull()
    .references(() => patients.id, { onDelete });
}

/** The same reference where a row may belong to a staff member instead (a session). */
export function nullablePatientRef(onDelete?: 'cascade') {
  return uuid('patient_id').references(() => patients.id, { onDelete });
}
