/**
 * Where a search's time goes in the database alone: EXPLAIN ANALYZE of the match part of a
 * name and a phone search, built by the same search core the handlers use.
 */
import { type Database, patients } from '@carelane/db';
import { and, sql } from 'drizzle-orm';
import { livePatients, matchCondition, searchTerms } from '../src/routers/patients/search-core';
import { tenantOf } from '../src/tenancy';
import { benchName, benchPhone } from './patients-data';

export async function explainSearches(db: Database, organizationId: string, count: number) {
  const { first, last } = benchName(Math.floor(count / 3));
  const searches = [`${first} ${last.slice(0, -1)}`, benchPhone(Math.floor(count / 2)).slice(-5)];
  console.log('\nin the database alone (EXPLAIN ANALYZE, one run after a warm-up):');
  for (const q of searches) {
    const terms = searchTerms(q);
    if (!terms) continue;
    const query = db
      .select({ id: patients.id, total: sql`count(*) over ()` })
      .from(patients)
      .where(and(livePatients(tenantOf(organizationId), false), matchCondition(tenantOf(organizationId), terms)))
      .limit(20)
      .toSQL();
    await db.execute(sql.raw(`explain analyze ${inline(query.sql, query.params)}`));
    const plan = await db.execute<{ 'QUERY PLAN': string }>(
      sql.raw(`explain (analyze, buffers) ${inline(query.sql, query.params)}`),
    );
    const lines = [...plan].map((row) => row['QUERY PLAN']);
    const matched = lines.find((l) => l.includes('Bitmap Heap Scan') || l.includes('Index Scan'));
    const time = lines.find((l) => l.startsWith('Execution Time'));
    console.log(`  ${JSON.stringify(q).padEnd(24)} ${time ?? ''}  ${matched?.trim().slice(0, 110) ?? ''}`);
  }
}

/** The statement with its values written in (bench values only: names and digits we generated). */
function inline(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`;
  });
}
