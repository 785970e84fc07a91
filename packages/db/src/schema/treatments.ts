import { sql } from 'drizzle-orm';
import { boolean, char, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appointments } from './appointments';
import { createdAt, id, instant, organizationRef, patientRef, updatedAt } from './columns';
import { staffUsers } from './staff';

export const TREATMENT_STATUSES = ['planned', 'in_progress', 'done'] as const;
export const TREATMENT_PLAN_STATUSES = ['proposed', 'accepted', 'declined'] as const;

/** The organization's price list of procedures (a scaling, a root canal, a crown), besides appointment types. */
export const procedures = pgTable(
  'procedures',
  {
    id: id(),
    organizationId: organizationRef(),
    name: text('name').notNull(),
    /** The clinic's own code, if it keeps one (e.g. CDT "D3310"). */
    code: text('code'),
    priceMinor: integer('price_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** Tax on the price in basis points (1800 = 18 % GST); 0 for exempt healthcare services. */
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull().default(0),
    /** Whether the procedure is done on a tooth (the chart asks for one). */
    perTooth: boolean('per_tooth').notNull().default(true),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('procedures_org_name_key').on(t.organizationId, sql`lower(${t.name})`),
    check('procedures_price_check', sql`${t.priceMinor} >= 0`),
    check('procedures_tax_check', sql`${t.taxRateBasisPoints} between 0 and 10000`),
  ],
);

/** Planned treatments grouped for the patient to accept or decline as a whole, with a total. */
export const treatmentPlans = pgTable(
  'treatment_plans',
  {
    id: id(),
    organizationId: organizationRef(),
    patientId: patientRef(),
    name: text('name').notNull(),
    status: text('status', { enum: TREATMENT_PLAN_STATUSES }).notNull().default('proposed'),
    decidedAt: instant('decided_at'),
    /** What the patient said when declining (cleared when the plan is decided again). */
    declineReason: text('decline_reason'),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('treatment_plans_patient_idx').on(t.organizationId, t.patientId),
    check('treatment_plans_status_check', sql`${t.status} in ('proposed', 'accepted', 'declined')`),
  ],
);

/**
 * One treatment of a patient, on a tooth (universal numbering 1-32; FDI is derived for display)
 * or on none. Price and discount are integer minor units; what was paid comes from invoices.
 */
export const treatments = pgTable(
  'treatments',
  {
    id: id(),
    organizationId: organizationRef(),
    patientId: patientRef(),
    planId: uuid('plan_id').references(() => treatmentPlans.id),
    procedureId: uuid('procedure_id').references(() => procedures.id),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    tooth: integer('tooth'),
    /** The procedure's name as charged, kept even if the price list changes. */
    description: text('description').notNull(),
    priceMinor: integer('price_minor').notNull(),
    discountMinor: integer('discount_minor').notNull().default(0),
    currency: char('currency', { length: 3 }).notNull(),
    status: text('status', { enum: TREATMENT_STATUSES }).notNull().default('planned'),
    /** The local date it was (or is to be) done. */
    performedOn: date('performed_on'),
    notes: text('notes'),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('treatments_patient_idx').on(t.organizationId, t.patientId, t.tooth),
    index('treatments_plan_idx').on(t.planId).where(sql`${t.planId} is not null`),
    check('treatments_tooth_check', sql`${t.tooth} is null or ${t.tooth} between 1 and 32`),
    check('treatments_price_check', sql`${t.priceMinor} >= 0 and ${t.discountMinor} between 0 and ${t.priceMinor}`),
    check('treatments_status_check', sql`${t.status} in ('planned', 'in_progress', 'done')`),
  ],
);
