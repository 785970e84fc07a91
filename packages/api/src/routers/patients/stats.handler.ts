import { AGE_BANDS, type AgeBand, localDate, patientStatsBounds, type Sex } from '@carelane/core';
import { organizations, patientCounts } from '@carelane/db';
import { ne, type SQL, sql } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import type { PatientStats } from './stats.schema';

/**
 * Quick statistics of the organization's live patients in one query over patient_counts (kept
 * by triggers on patients, migration 0024): the counters are summed into the cards' buckets, so
 * the cost follows how many distinct birth dates there are, not how many patients.
 */
export async function patientStatsHandler({ ctx }: { ctx: StaffContext }): Promise<PatientStats> {
  const [org] = await ctx.db
    .select({ zone: organizations.defaultZone })
    .from(organizations)
    .where(ctx.tenant.organization());
  if (!org) throw notFound('Organization');
  const bounds = patientStatsBounds(localDate(new Date(), org.zone));
  const value = patientCounts.value;
  const band: SQL = sql`case when ${value} = '' then 'unknown' ${sql.join(
    bounds.bands.map(({ band, bornAfter }) => sql`when ${value} > ${bornAfter} then ${band}`),
    sql` `,
  )} else ${AGE_BANDS.at(-1)} end`;
  const bucket = sql<string>`case ${patientCounts.dimension}
    when 'birth' then ${band}
    when 'created' then case when ${value} >= ${bounds.monthStart} then 'new' else 'earlier' end
    when 'visit' then case when ${value} >= ${bounds.seenSince} then 'recent' else 'earlier' end
    else ${value} end`;
  const rows = await ctx.db
    .select({ dimension: patientCounts.dimension, bucket, count: sql<number>`sum(${patientCounts.count})::int` })
    .from(patientCounts)
    .where(ctx.tenant.where(patientCounts, ne(patientCounts.count, 0)))
    // By position: the bucket's dates are bound parameters, so a second copy of it would not match.
    .groupBy(sql`1`, sql`2`);

  const stats: PatientStats = {
    total: 0,
    newThisMonth: 0,
    seenLast90Days: 0,
    bySex: [],
    byAgeBand: [],
    byLeadSource: [],
  };
  for (const { dimension, bucket: key, count } of rows) {
    if (dimension === 'created') {
      stats.total += count;
      if (key === 'new') stats.newThisMonth += count;
    } else if (dimension === 'visit' && key === 'recent') stats.seenLast90Days += count;
    else if (dimension === 'sex') {
      // A missing sex and a recorded 'unknown' are one group.
      const sex = (key || 'unknown') as Sex;
      const same = stats.bySex.find((s) => s.sex === sex);
      if (same) same.count += count;
      else stats.bySex.push({ sex, count });
    } else if (dimension === 'birth') stats.byAgeBand.push({ band: key as AgeBand | 'unknown', count });
    else if (dimension === 'source') stats.byLeadSource.push({ source: key || null, count });
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
