import type { Database } from '@carelane/db';
import { type SQL, sql } from 'drizzle-orm';

/** Every table with an organization_id column, and whether it has a UUID `id`. */
export async function tenantTables(db: Database): Promise<{ name: string; hasId: boolean }[]> {
  const rows = await db.execute<{ name: string; has_id: boolean }>(sql`
    select c.table_name as name,
      exists (select 1 from information_schema.columns i
              where i.table_schema = 'public' and i.table_name = c.table_name
                and i.column_name = 'id' and i.data_type = 'uuid') as has_id
    from information_schema.columns c
    where c.table_schema = 'public' and c.column_name = 'organization_id'
    order by 1`);
  return rows.map((row) => ({ name: row.name, hasId: row.has_id }));
}

/**
 * One hash per table of the organization's rows (its own organizations row included), in one
 * query: two fingerprints differ exactly when some row of it was added, changed or removed.
 */
export async function fingerprint(
  db: Database,
  tables: { name: string }[],
  organizationId: string,
): Promise<Record<string, string>> {
  const hash = (name: string, where: SQL) =>
    sql`select ${name} as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash
        from ${sql.identifier(name)} t where ${where}`;
  const parts = [
    hash('organizations', sql`t.id = ${organizationId}`),
    ...tables.map((table) => hash(table.name, sql`t.organization_id = ${organizationId}`)),
  ];
  const rows = await db.execute<{ name: string; hash: string }>(sql.join(parts, sql` union all `));
  return Object.fromEntries(rows.map((row) => [row.name, row.hash]));
}

/** The tables whose hash differs between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}

/** Every id of the organization's rows, and the organization's own. */
export async function allIdsOf(
  db: Database,
  tables: { name: string; hasId: boolean }[],
  organizationId: string,
): Promise<Set<string>> {
  const parts = tables
    .filter((table) => table.hasId)
    .map(
      (table) =>
        sql`select id::text as id from ${sql.identifier(table.name)} where organization_id = ${organizationId}`,
    );
  const rows = await db.execute<{ id: string }>(sql.join(parts, sql` union all `));
  return new Set([organizationId, ...rows.map((row) => row.id)]);
}
