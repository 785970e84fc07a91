import { organizations, payments, refunds } from '@carelane/db';
import { and, eq, sql } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import type { TakingsInput } from './list.schema';
import { takingsTable } from './takings';

/** Postgres sums integers as bigint (a string on the wire); money here stays far below 2^53. */
function minor(value: string | number | null): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new Error('Takings sum out of range');
  return n;
}

/**
 * Money received and given back per day (in the organization's zone) and per method, from `from`
 * to `to` inclusive. Received: payments taken (desk payments, online payments once captured), on
 * the day received. Given back: refunds on the day processed (online ones when the gateway said so).
 * Figures only, no patient: no audit entry.
 */
export async function takingsHandler({ ctx, input }: { ctx: StaffContext; input: TakingsInput }) {
  const [org] = await ctx.db
    .select({ zone: organizations.defaultZone, currency: organizations.currency })
    .from(organizations)
    .where(ctx.tenant.organization());
  if (!org) throw notFound('Organization');

  const zone = org.zone;
  // Local midnights of the first day and of the day after the last, as instants.
  const start = sql`(${input.from}::date)::timestamp at time zone ${zone}`;
  const end = sql`((${input.to}::date + 1))::timestamp at time zone ${zone}`;
  const within = (column: typeof payments.receivedAt) => and(sql`${column} >= ${start}`, sql`${column} < ${end}`);
  const day = (column: unknown) => sql<string>`to_char(${column} at time zone ${zone}, 'YYYY-MM-DD')`;

  // Authorized or failed online payments took no money.
  const received = sql`case when ${payments.status} in ('captured', 'partially_refunded', 'refunded')
    then ${payments.amountMinor} else 0 end`;

  const [receivedRows, refundRows] = await Promise.all([
    ctx.db
      .select({
        day: day(payments.receivedAt),
        method: payments.method,
        amount: sql<string>`sum(${received})`,
      })
      .from(payments)
      .where(ctx.tenant.where(payments, eq(payments.currency, org.currency), within(payments.receivedAt)))
      .groupBy(sql`1`, sql`2`),
    ctx.db
      .select({
        day: day(sql`coalesce(${refunds.processedAt}, ${refunds.createdAt})`),
        method: payments.method,
        amount: sql<string>`sum(${refunds.amountMinor})`,
      })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(
        ctx.tenant.where(
          refunds,
          eq(refunds.status, 'processed'),
          eq(refunds.currency, org.currency),
          sql`coalesce(${refunds.processedAt}, ${refunds.createdAt}) >= ${start}`,
          sql`coalesce(${refunds.processedAt}, ${refunds.createdAt}) < ${end}`,
        ),
      )
      .groupBy(sql`1`, sql`2`),
  ]);

  return takingsTable({
    from: input.from,
    to: input.to,
    zone,
    currency: org.currency,
    received: receivedRows.map((r) => ({ day: r.day, method: r.method, amountMinor: minor(r.amount) })),
    refunded: refundRows.map((r) => ({ day: r.day, method: r.method, amountMinor: minor(r.amount) })),
  });
}
export type TakingsOutput = Awaited<ReturnType<typeof takingsHandler>>;
