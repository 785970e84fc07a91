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

/** The listed columns of the matches subquery, named as in `columns`. */
function pick<T extends { [K in keyof typeof columns]: unknown }>(matches: T) {
  const picked = {} as { [K in keyof typeof columns]: T[K] };
  for (const name of Object.keys(columns) as Array<keyof typeof columns>) picked[name] = matches[name];
  return picked;
}

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
      .where(cursor ? and(where, afterCursor(key, sql`${patients.id}`, type, cursor)) : where)
      .orderBy(sql`${key} ${order}`, sql`${patients.id} ${order}`)
      .limit(input.limit + 1);
  const count = async (db: DbOrTx) => {
    const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(patients).where(where);
    return row?.total ?? 0;
  };

  /**
   * A search reads all its matches anyway (to rank them), so the total comes with the page, as
   * a window over the matches before the cursor applies: one pass instead of two.
   */
  const searchPage = async (db: DbOrTx) => {
    const matches = db
      .select({
        ...columns,
        sortKey: sql`${key}`.as('sort_key'),
        total: sql<number>`(count(*) over ())::int`.as('total'),
      })
      .from(patients)
      .where(where)
      .as('matches');
    const rows = await db
      .select({
        ...pick(matches),
        nextVisitAt: nextVisit(organizationId, sql`${matches.id}`),
        key: sql<string>`(${matches.sortKey})::text`,
        total: matches.total,
      })
      .from(matches)
      .where(cursor ? afterCursor(sql`${matches.sortKey}`, sql`${matches.id}`, type, cursor) : undefined)
      .orderBy(sql`${matches.sortKey} ${order}`, sql`${matches.id} ${order}`)
      .limit(input.limit + 1);
    // Past the last match there is no row to carry the total.
    const total = rows[0]?.total ?? (cursor ? await count(db) : 0);
    return [rows.map(({ total: _total, ...row }) => row), total] as const;
  };

  const [rows, total] = await runSearch(ctx.db, terms, (db) =>
    terms ? searchPage(db) : Promise.all([page(db), count(db)]),
  );

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
