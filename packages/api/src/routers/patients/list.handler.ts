import { type DbOrTx, patients } from '@carelane/db';
import { and, type SQL, sql } from 'drizzle-orm';
import { requireCentre } from '../../scope';
import type { StaffContext } from '../../trpc';
import type { PatientListInput, PatientListOutput } from './list.schema';
import { filterConditions, nextVisit } from './list-filters';
import {
  afterCursor,
  type Cursor,
  decodeCursor,
  encodeCursor,
  listOrder,
  livePatients,
  matchCondition,
  runSearch,
  searchTerms,
  sortKey,
} from './search-core';

const columns = {
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
};

/**
 * The registry list: one search box, filters, keyset pages and the total. Patients belong to
 * the organization, so every staff member with patients:read lists all of them; a centre filter
 * means "seen at that centre" and must be a centre the caller may see (else NOT_FOUND).
 */
export async function patientListHandler({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: PatientListInput;
}): Promise<PatientListOutput> {
  const organizationId = ctx.principal.organizationId;
  if (input.centreId) await requireCentre(ctx.db, ctx.principal, input.centreId);
  const terms = searchTerms(input.q);
  const { sort, direction } = listOrder({ ...input, q: terms ? input.q : undefined });
  // The schema has checked that the cursor belongs to this order.
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const { key, type } = sortKey(sort, terms);
  const where = and(
    livePatients(organizationId, input.status === 'archived'),
    terms ? matchCondition(terms) : undefined,
    ...filterConditions(organizationId, input),
  ) as SQL;
  const order = direction === 'asc' ? sql`asc` : sql`desc`;

  const page = (db: DbOrTx) =>
    db
      .select({
        ...columns,
        nextVisitAt: nextVisit(organizationId, sql`${patients.id}`),
        key: sql<string>`(${key})::text`,
      })
      .from(patients)
      .where(cursor ? and(where, afterCursor(key, type, cursor)) : where)
      .orderBy(sql`${key} ${order}`, sql`${patients.id} ${order}`)
      .limit(input.limit + 1);
  const count = async (db: DbOrTx) => {
    const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(patients).where(where);
    return row?.total ?? 0;
  };

  const [rows, total] = await runSearch(ctx.db, terms, (db) => Promise.all([page(db), count(db)]));

  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const next: Cursor | null =
    rows.length > input.limit && last ? { sort, direction, key: last.key, id: last.id } : null;
  return {
    items: items.map(({ key: _key, ...item }) => item),
    nextCursor: next ? encodeCursor(next) : null,
    total,
  };
}
