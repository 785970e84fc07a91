import { patients } from '@carelane/db';
import { sql } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import { PATIENT_COUNT_CAP, type PatientCount, type PatientCountInput } from './count.schema';
import { listScope } from './list-filters';

/** How many patients the list with these filters holds, up to PATIENT_COUNT_CAP. */
export async function patientCountHandler({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: PatientCountInput;
}): Promise<PatientCount> {
  const { where } = await listScope(ctx, input);
  const matches = ctx.db
    .select({ one: sql`1`.as('one') })
    .from(patients)
    .where(where)
    .limit(PATIENT_COUNT_CAP + 1)
    .as('matches');
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(matches);
  const n = row?.n ?? 0;
  return { count: Math.min(n, PATIENT_COUNT_CAP), capped: n > PATIENT_COUNT_CAP };
}
