import { patients } from '@carelane/db';
import { and, type SQL, sql } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import type { PatientListInput, PatientListOutput } from './list.schema';
import { listScope, nextVisit } from './list-filters';
import { afterCursor, type Cursor, decodeCursor, encodeCursor, listOrder, sortKey } from './search-core';

/**
 * The registry list: one search box, filters and keyset pages. Patients belong to the
 * organization, so every staff member with patients:read lists all of them; a centre filter
 * means "seen at that centre" (see listScope).
 * How many match is patients.count's answer: counting a large list costs more than a page of it.
 * The export reads the same pages.
 */
export async function listPatients(ctx: StaffContext, input: PatientListInput): Promise<PatientListOutput> {
  const { terms, where } = await listScope(ctx, input);
  const { sort, order } = listOrder({ ...input, q: terms ? input.q : undefined });
  // The schema has checked that the cursor belongs to this order.
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const { key, type } = sortKey(sort, terms);
  const direction = order === 'asc' ? sql`asc` : sql`desc`;

  const rows = await ctx.db
    .select({
      id: patients.id,
      mrn: patients.mrn,
      firstName: patients.firstName,
      lastName: patients.lastName,
      phone: patients.phone,
      email: patients.email,
      birthDate: patients.birthDate,
      sex: patients.sex,
      tags: patients.tags,
      createdAt: patients.createdAt,
      lastVisitAt: patients.lastVisitAt,
      nextVisitAt: nextVisit(ctx.tenant, sql`${patients.id}`),
      key: sql<string>`(${key})::text`,
    })
    .from(patients)
    .where(cursor ? (and(where, afterCursor(key, sql`${patients.id}`, type, cursor)) as SQL) : where)
    .orderBy(sql`${key} ${direction}`, sql`${patients.id} ${direction}`)
    .limit(input.limit + 1);

  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const next: Cursor | null = rows.length > input.limit && last ? { sort, order, key: last.key, id: last.id } : null;
  return {
    items: items.map(({ key: _key, ...item }) => item),
    nextCursor: next ? encodeCursor(next) : null,
  };
}
