import { organizations, payments, refunds } from '@carelane/db';
import { and, eq, sql } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import type { TakingsInput } from './list.schema';
import { type PaymentMethod, takingsTable } from './takings';

/** Postgres sums integers as bigint (a string on the wire); money here stays far below 2^53. */
function minor(value: string | number | null): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new Error('Takings sum out of range');
  return n;
}

/**
 * Money received and given back per day (in the organization's zone) and per method, from `from`
 * to `to` inclusive. Received: desk payments at their amount, online (Razorpay) payments at what
 * the gateway captured, on the day received. Given back: desk refunds on the day processed; online
 * refunds (kept only inside the payment's gateway state) on the day the payment last changed.
 * Figures only, no patient: no audit entry.
 */
export async function takingsHandler({ ctx, input }: { ctx: StaffContext; input: TakingsInput }) {
  const organizationId = ctx.principal.organizationId;
  const [org] = await ctx.db
    .select({ zone: organizations.defaultZone, currency: organizations.currency })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw notFound('Organization');

  const zone = org.zone;
  // Local midnights of the first day and of the day after the last, as instants.
  const start = sql`(${input.from}::date)::timestamp at time zone ${zone}`;
  const end = sql`((${input.to}::date + 1))::timestamp at time zone ${zone}`;
  const within = (column: typeof payments.receivedAt) => and(sql`${column} >= ${start}`, sql`${column} < ${end}`);
  const day = (column: unknown) => sql<string>`to_char(${column} at time zone ${zone}, 'YYYY-MM-DD')`;

  const gatewayRefunded = sql`(select coalesce(sum(value::bigint), 0) from jsonb_each_text(${payments.gatewayState}->'refunds'))`;
  const received = sql`case when ${payments.method} = 'razorpay'
    then coalesce((${payments.gatewayState}->>'capturedMinor')::bigint, 0) else ${payments.amountMinor} end`;

  const [receivedRows, deskRefundRows, onlineRefundRows] = await Promise.all([
    ctx.db
      .select({
        day: day(payments.receivedAt),
        method: payments.method,
        amount: sql<string>`sum(${received})`,
      })
      .from(payments)
      .where(
        and(
          eq(payments.organizationId, organizationId),
          eq(payments.currency, org.currency),
          within(payments.receivedAt),
        ),
      )
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
        and(
          eq(refunds.organizationId, organizationId),
          eq(refunds.status, 'processed'),
          eq(refunds.currency, org.currency),
          sql`coalesce(${refunds.processedAt}, ${refunds.createdAt}) >= ${start}`,
          sql`coalesce(${refunds.processedAt}, ${refunds.createdAt}) < ${end}`,
        ),
      )
      .groupBy(sql`1`, sql`2`),
    ctx.db
      .select({ day: day(payments.updatedAt), amount: sql<string>`sum(${gatewayRefunded})` })
      .from(payments)
      .where(
        and(
          eq(payments.organizationId, organizationId),
          eq(payments.method, 'razorpay'),
          eq(payments.currency, org.currency),
          within(payments.updatedAt),
        ),
      )
      .groupBy(sql`1`),
  ]);

  return takingsTable({
    from: input.from,
    to: input.to,
    zone,
    currency: org.currency,
    received: receivedRows.map((r) => ({ day: r.day, method: r.method, amountMinor: minor(r.amount) })),
    refunded: [
      ...deskRefundRows.map((r) => ({ day: r.day, method: r.method, amountMinor: minor(r.amount) })),
      ...onlineRefundRows.map((r) => ({
        day: r.day,
        method: 'razorpay' as PaymentMethod,
        amountMinor: minor(r.amount),
      })),
    ],
  });
}
export type TakingsOutput = Awaited<ReturnType<typeof takingsHandler>>;
