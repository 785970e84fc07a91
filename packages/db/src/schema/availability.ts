import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, smallint, text, time, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, organizationRef, updatedAt } from './columns';
import { availabilityExceptionKind, consultationMode } from './enums';
import { centres } from './organizations';
import { staffUsers } from './staff';

/** Weekly working hours: local wall-clock times, read in the centre's zone. */
export const availabilityRules = pgTable(
  'availability_rules',
  {
    id: id(),
    organizationId: organizationRef(),
    clinicianId: uuid('clinician_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    /** ISO weekday: 1 = Monday ... 7 = Sunday. */
    weekday: smallint('weekday').notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
    mode: consultationMode('mode').notNull().default('in_person'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('availability_rules_clinician_idx').on(t.clinicianId, t.weekday),
    check('availability_rules_weekday_check', sql`${t.weekday} between 1 and 7`),
    check('availability_rules_time_check', sql`${t.endTime} > ${t.startTime}`),
  ],
);

/** Time off, extra hours, or a whole-centre closure (clinician_id null). */
export const availabilityExceptions = pgTable(
  'availability_exceptions',
  {
    id: id(),
    organizationId: organizationRef(),
    clinicianId: uuid('clinician_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
    centreId: uuid('centre_id').references(() => centres.id),
    kind: availabilityExceptionKind('kind').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('availability_exceptions_clinician_idx').on(t.clinicianId, t.startsAt),
    check('availability_exceptions_range_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('availability_exceptions_target_check', sql`${t.clinicianId} is not null or ${t.centreId} is not null`),
  ],
);
