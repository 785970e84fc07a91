import { addLocalDays, MESSAGE_KINDS, NOTIFICATION_CHANNELS } from '@carelane/core';
import { notifications } from '@carelane/db';
import { sql } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import type { MessageStatsInput } from './messages.schema';
import { localMidnight, organizationZone } from './rows';

export type MessageCounts = { total: number; sent: number; delivered: number; failed: number; pending: number };

type StatsRow = {
  channel: string | null;
  kind: string | null;
  day: string | null;
  total: number;
  sent: number;
  delivered: number;
  failed: number;
  pending: number;
};

const zero = (): MessageCounts => ({ total: 0, sent: 0, delivered: 0, failed: 0, pending: 0 });

/**
 * Messages written from `from` to `to` (local dates in the organization's zone, by the day each was
 * written), counted per channel, per kind and per day in one grouped query. Sent counts delivered
 * ones too; pending counts those being sent. Figures only, no patient: no audit entry.
 */
export async function messageStatsHandler({ ctx, input }: { ctx: StaffContext; input: MessageStatsInput }) {
  const zone = await organizationZone(ctx);
  const result = await ctx.db.execute<StatsRow>(sql`
    with m as (
      select ${notifications.channel}::text as channel, ${notifications.kind} as kind,
        to_char(${notifications.createdAt} at time zone ${zone}, 'YYYY-MM-DD') as day,
        ${notifications.status} as status, ${notifications.deliveryStatus} as delivery
      from ${notifications}
      where ${ctx.tenant.owns(notifications)}
        and ${notifications.createdAt} >= ${localMidnight(input.from, zone)}
        and ${notifications.createdAt} < ${localMidnight(input.to, zone, 1)}
    )
    select channel, kind, day,
      count(*)::int as total,
      (count(*) filter (where status = 'sent'))::int as sent,
      (count(*) filter (where delivery in ('delivered', 'read')))::int as delivered,
      (count(*) filter (where status = 'failed'))::int as failed,
      (count(*) filter (where status in ('pending', 'sending')))::int as pending
    from m
    group by grouping sets ((channel), (kind), (day))`);

  // Every channel, kind seen and day of the range, zeros included, so the page draws a steady table.
  const channels = new Map<string, MessageCounts>(NOTIFICATION_CHANNELS.map((c) => [c, zero()]));
  const kinds = new Map<string, MessageCounts>();
  const days = new Map<string, MessageCounts>();
  for (let day = input.from; day <= input.to; day = addLocalDays(day, 1)) days.set(day, zero());
  const totals = zero();
  for (const { channel, kind, day, ...counts } of result) {
    if (channel !== null) {
      channels.set(channel, counts);
      for (const key of Object.keys(totals) as (keyof MessageCounts)[]) totals[key] += counts[key];
    } else if (kind !== null) kinds.set(kind, counts);
    else if (day !== null) days.set(day, counts);
  }
  const kindOrder = (k: string) => (MESSAGE_KINDS as readonly string[]).indexOf(k);
  return {
    from: input.from,
    to: input.to,
    zone,
    totals,
    byChannel: [...channels].map(([channel, counts]) => ({ channel, ...counts })),
    byKind: [...kinds].sort(([a], [b]) => kindOrder(a) - kindOrder(b)).map(([kind, counts]) => ({ kind, ...counts })),
    byDay: [...days].map(([date, counts]) => ({ date, ...counts })),
  };
}
export type MessageStatsOutput = Awaited<ReturnType<typeof messageStatsHandler>>;
