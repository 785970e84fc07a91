import { fullName, INVOICE_STATUSES, type InvoiceStatus } from '@carelane/core';
import { invoices, patients } from '@carelane/db';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Tenant } from '../../tenancy';
import type { StaffContext } from '../../trpc';
import { matchCondition, searchTerms } from '../patients/search-core';
import {
  decodeListCursor,
  encodeListCursor,
  INVOICE_TABS,
  type InvoiceListInput,
  type InvoiceTab,
  invoiceNumberOf,
  TAB_STATUSES,
} from './list.schema';
import { invoiceBalanceSql, invoiceStatusSql } from './status-sql';

/** What the box matches: the invoice number when it is one, and patients as the registry search does. */
function searchCondition(tenant: Tenant, search: string | undefined): SQL | undefined {
  if (!search) return undefined;
  const readings: SQL[] = [];
  const number = invoiceNumberOf(search);
  if (number !== null) readings.push(eq(invoices.number, number));
  const terms = searchTerms(search);
  if (terms) readings.push(matchCondition(tenant, terms));
  return readings.length > 0 ? or(...readings) : sql`false`;
}

/** How many invoices each tab holds, from the counts per status. */
function tabCounts(byStatus: Record<InvoiceStatus, number>): Record<InvoiceTab, number> {
  const sum = (statuses: readonly InvoiceStatus[]) => statuses.reduce((n, s) => n + byStatus[s], 0);
  return Object.fromEntries(
    INVOICE_TABS.map((tab) => [tab, sum(tab === 'all' ? INVOICE_STATUSES : TAB_STATUSES[tab])]),
  ) as Record<InvoiceTab, number>;
}

/**
 * Every invoice of the organization, newest first, in one tab (status as core's invoiceStatus gives
 * it), with the count of every tab. Invoices belong to the organization (patients.list's rule), so
 * everyone with billing:read sees all of them; centreId narrows to one centre. A list, like
 * forms.overview: no single record is read, so no audit entry; opening an invoice is its own read.
 */
export async function invoiceListHandler({ ctx, input }: { ctx: StaffContext; input: InvoiceListInput }) {
  const scope = ctx.tenant.where(
    invoices,
    input.centreId ? eq(invoices.centreId, input.centreId) : undefined,
    searchCondition(ctx.tenant, input.search),
  );
  const cursor = input.cursor ? decodeListCursor(input.cursor) : null;
  const patientJoin = and(eq(patients.id, invoices.patientId), ctx.tenant.owns(patients));

  const rowsQuery = ctx.db
    .select({
      id: invoices.id,
      number: invoices.number,
      status: invoiceStatusSql,
      currency: invoices.currency,
      centreId: invoices.centreId,
      issuedOn: invoices.issuedOn,
      createdAt: invoices.createdAt,
      totalMinor: invoices.totalMinor,
      paidMinor: invoices.paidMinor,
      refundedMinor: invoices.refundedMinor,
      balanceMinor: invoiceBalanceSql,
      patient: { id: patients.id, firstName: patients.firstName, lastName: patients.lastName, mrn: patients.mrn },
      key: sql<string>`${invoices.createdAt}::text`,
    })
    .from(invoices)
    .innerJoin(patients, patientJoin)
    .where(
      and(
        scope,
        input.tab === 'all' ? undefined : inArray(invoiceStatusSql, [...TAB_STATUSES[input.tab]]),
        cursor
          ? sql`(${invoices.createdAt}, ${invoices.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(sql`${invoices.createdAt} desc`, sql`${invoices.id} desc`)
    .limit(input.limit + 1);

  const countsQuery = ctx.db
    .select({ status: invoiceStatusSql, count: sql<number>`count(*)::int` })
    .from(invoices)
    .innerJoin(patients, patientJoin)
    .where(scope)
    .groupBy(sql`1`);

  const [rows, countRows] = await Promise.all([rowsQuery, countsQuery]);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const byStatus = Object.fromEntries(INVOICE_STATUSES.map((s) => [s, 0])) as Record<InvoiceStatus, number>;
  for (const row of countRows) byStatus[row.status] = row.count;

  return {
    rows: items.map(({ key: _key, patient, ...row }) => ({
      ...row,
      patient: { id: patient.id, name: fullName(patient), mrn: patient.mrn },
    })),
    counts: tabCounts(byStatus),
    nextCursor: rows.length > input.limit && last ? encodeListCursor({ createdAt: last.key, id: last.id }) : null,
  };
}
export type InvoiceListOutput = Awaited<ReturnType<typeof invoiceListHandler>>;
