import { AGE_BANDS, type AgeBand, type Sex } from '@carelane/core';
import { organizations, patients } from '@carelane/db';
import { eq, sql } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import { livePatients } from './search-core';
import type { PatientStats } from './stats.schema';

/** Lower age of each band after the first ('18-29' -> 18), to turn birth dates into bands. */
const bandStarts = AGE_BANDS.slice(1).map((band) => Number.parseInt(band, 10));

const ageBand = sql<string>`case when ${patients.birthDate} is null then 'unknown' ${sql.join(
  bandStarts.map(
    (start, i) =>
      sql`when ${patients.birthDate} > (current_date - make_interval(years => ${sql.raw(String(start))}))::date then ${sql.raw(`'${AGE_BANDS[i]}'`)}`,
  ),
  sql` `,
)} else ${sql.raw(`'${AGE_BANDS.at(-1)}'`)} end`;

/**
 * Quick statistics of the organization's active patients, all from one scan of the table:
 * grouping sets give the totals and each breakdown in a single query.
 */
export async function patientStatsHandler({ ctx }: { ctx: StaffContext }): Promise<PatientStats> {
  const organizationId = ctx.principal.organizationId;
  const zone = sql`(select ${organizations.defaultZone} from ${organizations} where ${eq(organizations.id, organizationId)})`;
  const monthStart = sql`(date_trunc('month', now() at time zone ${zone}) at time zone ${zone})`;
  const rows = await ctx.db.execute<{
    sex: Sex | null;
    band: string | null;
    source: string | null;
    g: number;
    count: number;
    new_this_month: number;
    seen_90: number;
  }>(sql`
    select ${patients.sex} as sex, ${ageBand} as band, ${patients.leadSource} as source,
      grouping(${patients.sex}, ${ageBand}, ${patients.leadSource})::int as g,
      count(*)::int as count,
      (count(*) filter (where ${patients.createdAt} >= ${monthStart}))::int as new_this_month,
      (count(*) filter (where ${patients.lastVisitAt} >= now() - interval '90 days'))::int as seen_90
    from ${patients}
    where ${livePatients(organizationId, false)}
    group by grouping sets ((), (${patients.sex}), (${ageBand}), (${patients.leadSource}))`);

  // grouping() bits, left to right: sex, band, source; a set's own column is 0.
  const stats: PatientStats = {
    total: 0,
    newThisMonth: 0,
    seenLast90Days: 0,
    bySex: [],
    byAgeBand: [],
    byLeadSource: [],
  };
  for (const row of rows) {
    if (row.g === 0b111) {
      stats.total = row.count;
      stats.newThisMonth = row.new_this_month;
      stats.seenLast90Days = row.seen_90;
    } else if (row.g === 0b011) {
      // A missing sex and a recorded 'unknown' are one group.
      const sex = row.sex ?? 'unknown';
      const same = stats.bySex.find((s) => s.sex === sex);
      if (same) same.count += row.count;
      else stats.bySex.push({ sex, count: row.count });
    } else if (row.g === 0b101)
      stats.byAgeBand.push({ band: (row.band ?? 'unknown') as AgeBand | 'unknown', count: row.count });
    else if (row.g === 0b110) stats.byLeadSource.push({ source: row.source, count: row.count });
  }
  const bandOrder: string[] = [...AGE_BANDS, 'unknown'];
  stats.byAgeBand.sort((a, b) => bandOrder.indexOf(a.band) - bandOrder.indexOf(b.band));
  stats.bySex.sort((a, b) => b.count - a.count);
  // Most first; an unrecorded source after the named ones when counts tie.
  stats.byLeadSource.sort(
    (a, b) =>
      b.count - a.count ||
      Number(a.source === null) - Number(b.source === null) ||
      (a.source ?? '').localeCompare(b.source ?? ''),
  );
  return stats;
}
