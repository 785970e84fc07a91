import { type DbOrTx, organizations } from '@carelane/db';
import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Any table (or aliased table) that carries the tenant column. */
export type TenantTable = { organizationId: AnyPgColumn };

/**
 * The one entry point for tenant-scoped reads and writes. Procedures get it on the context
 * (`ctx.tenant`, from the session's organization); services that run outside a request (the
 * worker, webhooks) build it with `tenantOf(row.organizationId)` from a row they already found.
 * No other code compares `organizationId` by hand: a test keeps it that way.
 */
export type Tenant = {
  readonly organizationId: string;
  /** `table.organization_id = <this tenant>`: for joins and sub-queries. */
  owns(table: TenantTable): SQL;
  /** `table.organization_id = <this tenant> AND <conditions>`: the WHERE of a scoped query. */
  where(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL;
  /** The values of a row to insert, stamped with this tenant. */
  row<T extends object>(values: T): T & { organizationId: string };
  /** `organizations.id = <this tenant>`: the tenant's own row (it has no organization_id). */
  organization(): SQL;
};

export function tenantOf(organizationId: string): Tenant {
  const owns = (table: TenantTable) => eq(table.organizationId, organizationId);
  return {
    organizationId,
    owns,
    // `and` of one defined condition is never undefined; the cast keeps callers free of checks.
    where: (table, ...conditions) => and(owns(table), ...conditions) as SQL,
    row: (values) => ({ ...values, organizationId }),
    organization: () => eq(organizations.id, organizationId),
  };
}

/**
 * Marks a query that deliberately reads across tenants: a lookup by an unguessable token or a
 * gateway's id, before the tenant is known. The reason is required so that every such place says
 * why; keep them rare (grep `unscoped(`).
 */
export function unscoped<T extends DbOrTx>(db: T, _reason: string): T {
  return db;
}
