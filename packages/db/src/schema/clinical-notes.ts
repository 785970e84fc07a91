import type { VitalsReading } from '@carelane/core';
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { appointments } from './appointments';
import { createdAt, id, organizationRef, patientRef } from './columns';
import { staffUsers } from './staff';

/** A free note, or the record of a session (a check-up, a therapy session) with vitals. */
export const clinicalNoteKind = pgEnum('clinical_note_kind', ['note', 'session']);

/**
 * Clinical notes and session history. Rows are never changed or deleted (a trigger refuses it,
 * migration 0011): an amendment is a new row pointing at the note it amends, so the original
 * stays readable. Only clinicians and admins read the text; every read is audited.
 */
export const clinicalNotes = pgTable(
  'clinical_notes',
  {
    id: id(),
    organizationId: organizationRef(),
    patientId: patientRef(),
    /** The visit it belongs to; null for a free-standing note. */
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => staffUsers.id),
    kind: clinicalNoteKind('kind').notNull().default('note'),
    body: text('body').notNull(),
    /** Vitals where taken (names carry their units; ranges in @carelane/core). */
    vitals: jsonb('vitals').$type<VitalsReading>(),
    /** Set on an amendment: the note it corrects (the original, never another amendment). */
    amendsId: uuid('amends_id').references((): AnyPgColumn => clinicalNotes.id),
    /** Why the note was amended. */
    amendReason: text('amend_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('clinical_notes_patient_idx').on(t.organizationId, t.patientId, t.createdAt),
    index('clinical_notes_appointment_idx').on(t.appointmentId),
    index('clinical_notes_amends_idx').on(t.amendsId),
    check('clinical_notes_amend_reason_check', sql`(${t.amendsId} is null) = (${t.amendReason} is null)`),
  ],
);
