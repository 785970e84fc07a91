import type { InvoiceStatus } from '@carelane/core';
import { invoices } from '@carelane/db';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Core's `invoiceStatus` as SQL, so the Billing list can filter and count by status in the
 * database: void wins, then draft, then a balance of zero or less is paid, money kept is partly
 * paid, else issued. invoices-list.test.ts holds the two to each other row by row.
 */
export const invoiceStatusSql: SQL<InvoiceStatus> = sql<InvoiceStatus>`(case
    when ${invoices.status} = 'void' then 'void'
    when ${invoices.status} = 'draft' then 'draft'
    when ${invoices.totalMinor} - (${invoices.paidMinor} - ${invoices.refundedMinor}) <= 0 then 'paid'
    when ${invoices.paidMinor} - ${invoices.refundedMinor} > 0 then 'partly_paid'
    else 'issued'
  end)`;

/** Core's balance: nothing is owed on a void invoice; otherwise total - (paid - refunded). */
export const invoiceBalanceSql: SQL<number> = sql<number>`(case
    when ${invoices.status} = 'void' then 0
    else ${invoices.totalMinor} - (${invoices.paidMinor} - ${invoices.refundedMinor})
  end)::int`;
