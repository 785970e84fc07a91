import { sql } from 'drizzle-orm';
import { char, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appointments } from './appointments';
import { createdAt, id, instant, nullableOrganizationRef, organizationRef, patientRef, updatedAt } from './columns';
import { centres } from './organizations';
import { staffUsers } from './staff';
import { treatments } from './treatments';

export const INVOICE_STATUSES = ['draft', 'issued', 'void'] as const;
export const INVOICE_LINE_KINDS = [
  'appointment',
  'treatment',
  'late_cancellation_fee',
  'no_show_fee',
  'other',
] as const;
export const PAYMENT_METHODS = ['cash', 'card', 'upi', 'bank', 'razorpay'] as const;

/**
 * An invoice: drafted from appointments and treatments, numbered when issued (no gaps: the number
 * comes from `invoice_sequences` in the issuing transaction), voided rather than deleted. Totals
 * are integer minor units computed by @carelane/core; `paid_minor`/`refunded_minor` move only in
 * the transaction that records a payment or refund, so the balance is always total - paid + refunded.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    organizationId: organizationRef(),
    centreId: uuid('centre_id').references(() => centres.id),
    patientId: patientRef(),
    number: integer('number'),
    status: text('status', { enum: INVOICE_STATUSES }).notNull().default('draft'),
    currency: char('currency', { length: 3 }).notNull(),
    subtotalMinor: integer('subtotal_minor').notNull().default(0),
    discountMinor: integer('discount_minor').notNull().default(0),
    taxMinor: integer('tax_minor').notNull().default(0),
    totalMinor: integer('total_minor').notNull().default(0),
    paidMinor: integer('paid_minor').notNull().default(0),
    refundedMinor: integer('refunded_minor').notNull().default(0),
    issuedOn: date('issued_on'),
    issuedAt: instant('issued_at'),
    voidedAt: instant('voided_at'),
    voidReason: text('void_reason'),
    notes: text('notes'),
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('invoices_org_number_key').on(t.organizationId, t.number).where(sql`${t.number} is not null`),
    index('invoices_patient_idx').on(t.organizationId, t.patientId, t.createdAt),
    // The Billing section's keyset pages, newest first (read backwards).
    index('invoices_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    check('invoices_status_check', sql`${t.status} in ('draft', 'issued', 'void')`),
    check(
      'invoices_amounts_check',
      sql`${t.subtotalMinor} >= 0 and ${t.discountMinor} >= 0 and ${t.taxMinor} >= 0 and ${t.totalMinor} >= 0
        and ${t.paidMinor} >= 0 and ${t.refundedMinor} between 0 and ${t.paidMinor}`,
    ),
    check('invoices_number_check', sql`(${t.status} = 'draft') = (${t.number} is null)`),
  ],
);

/** The last invoice number an organization issued: locked and bumped by the issuing transaction. */
export const invoiceSequences = pgTable('invoice_sequences', {
  organizationId: organizationRef().primaryKey(),
  lastNumber: integer('last_number').notNull().default(0),
});

/** One line of an invoice, with its computed amounts (as core's invoiceTotals gave them). */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: id(),
    organizationId: organizationRef(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: INVOICE_LINE_KINDS }).notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull().default(1),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    discountMinor: integer('discount_minor').notNull().default(0),
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull().default(0),
    taxMinor: integer('tax_minor').notNull().default(0),
    totalMinor: integer('total_minor').notNull(),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    treatmentId: uuid('treatment_id').references(() => treatments.id),
  },
  (t) => [
    uniqueIndex('invoice_lines_position_key').on(t.invoiceId, t.position),
    index('invoice_lines_treatment_idx').on(t.treatmentId).where(sql`${t.treatmentId} is not null`),
    index('invoice_lines_appointment_idx').on(t.appointmentId).where(sql`${t.appointmentId} is not null`),
    check(
      'invoice_lines_amounts_check',
      sql`${t.quantity} >= 1 and ${t.unitPriceMinor} >= 0 and ${t.discountMinor} >= 0 and ${t.taxMinor} >= 0
        and ${t.totalMinor} >= 0 and ${t.taxRateBasisPoints} between 0 and 10000`,
    ),
  ],
);

/**
 * Money received: recorded by staff (cash, card, UPI, bank) or from Razorpay (one row per gateway
 * payment, unique by its id, so a webhook delivered twice finds the row it already wrote).
 * `gateway_state` is core's payment state machine value; `credited_minor` is what it credits now.
 */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    organizationId: organizationRef(),
    patientId: patientRef(),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    amountMinor: integer('amount_minor').notNull(),
    creditedMinor: integer('credited_minor').notNull().default(0),
    currency: char('currency', { length: 3 }).notNull(),
    status: text('status').notNull(),
    gatewayOrderId: text('gateway_order_id'),
    gatewayPaymentId: text('gateway_payment_id'),
    gatewayState: jsonb('gateway_state').$type<unknown>(),
    /** Card last digits, UPI reference or bank transfer reference staff typed. */
    reference: text('reference'),
    receivedAt: instant('received_at').notNull().defaultNow(),
    recordedById: uuid('recorded_by_id').references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('payments_gateway_payment_key').on(t.gatewayPaymentId).where(sql`${t.gatewayPaymentId} is not null`),
    index('payments_patient_idx').on(t.organizationId, t.patientId, t.receivedAt),
    // Takings per day.
    index('payments_org_received_idx').on(t.organizationId, t.receivedAt),
    index('payments_invoice_idx').on(t.invoiceId).where(sql`${t.invoiceId} is not null`),
    check('payments_amount_check', sql`${t.amountMinor} > 0 and ${t.creditedMinor} between 0 and ${t.amountMinor}`),
    check('payments_method_check', sql`${t.method} in ('cash', 'card', 'upi', 'bank', 'razorpay')`),
    check('payments_gateway_check', sql`(${t.method} = 'razorpay') = (${t.gatewayPaymentId} is not null)`),
  ],
);

/** Money given back, never more than was paid (checked under the payment's row lock). */
export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    organizationId: organizationRef(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    amountMinor: integer('amount_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: text('status').notNull(),
    gatewayRefundId: text('gateway_refund_id'),
    reason: text('reason'),
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    createdAt: createdAt(),
    processedAt: instant('processed_at'),
  },
  (t) => [
    uniqueIndex('refunds_gateway_refund_key').on(t.gatewayRefundId).where(sql`${t.gatewayRefundId} is not null`),
    index('refunds_payment_idx').on(t.paymentId),
    check('refunds_amount_check', sql`${t.amountMinor} > 0`),
  ],
);

/** A Razorpay order created for a prepaid booking or an invoice, before any payment attempt. */
export const gatewayOrders = pgTable(
  'gateway_orders',
  {
    id: id(),
    organizationId: organizationRef(),
    patientId: patientRef(),
    gatewayOrderId: text('gateway_order_id').notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    amountMinor: integer('amount_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: text('status').notNull().default('created'),
    createdAt: createdAt(),
    paidAt: instant('paid_at'),
  },
  (t) => [
    uniqueIndex('gateway_orders_order_key').on(t.gatewayOrderId),
    check('gateway_orders_amount_check', sql`${t.amountMinor} > 0`),
  ],
);

/** A Razorpay payment link for an invoice or an appointment, sent through the outbox. */
export const paymentLinks = pgTable(
  'payment_links',
  {
    id: id(),
    organizationId: organizationRef(),
    patientId: patientRef(),
    gatewayLinkId: text('gateway_link_id').notNull(),
    shortUrl: text('short_url').notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    amountMinor: integer('amount_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: text('status').notNull().default('created'),
    expiresAt: instant('expires_at'),
    paidAt: instant('paid_at'),
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('payment_links_link_key').on(t.gatewayLinkId),
    index('payment_links_patient_idx').on(t.organizationId, t.patientId),
    check('payment_links_amount_check', sql`${t.amountMinor} > 0`),
  ],
);

/**
 * Each gateway webhook event, once: the event id is the key, so a redelivery (Razorpay delivers at
 * least once) inserts nothing. The handler answers at once; the worker applies the event and then
 * drops the payload (it carries the payer's contact details).
 */
export const gatewayEvents = pgTable(
  'gateway_events',
  {
    eventId: text('event_id').primaryKey(),
    event: text('event').notNull(),
    organizationId: nullableOrganizationRef(),
    payload: jsonb('payload').$type<unknown>(),
    receivedAt: createdAt(),
    processedAt: instant('processed_at'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
  },
  (t) => [index('gateway_events_pending_idx').on(t.receivedAt).where(sql`${t.processedAt} is null`)],
);
