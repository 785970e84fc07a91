import { notifications } from '@carelane/db';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import {
  decodeMessageCursor,
  encodeMessageCursor,
  type MessageFilterStatus,
  type MessageListInput,
} from './messages.schema';
import { localMidnight, messageRow, messageRowsQuery, organizationZone } from './rows';

const DELIVERED = ['delivered', 'read'];

/** 'delivered' is the provider's word; the other filters are the outbox status ('sent' includes delivered). */
function statusCondition(status: MessageFilterStatus | undefined): SQL | undefined {
  if (!status) return undefined;
  if (status === 'delivered') return inArray(notifications.deliveryStatus, DELIVERED);
  return eq(notifications.status, status);
}

/**
 * The organization's messages, newest first, with filters. Rows without an organization (staff
 * sign-in codes) never show. A list: no single patient's record is opened, so no audit entry.
 */
export async function messageListHandler({ ctx, input }: { ctx: StaffContext; input: MessageListInput }) {
  const zone = input.from || input.to ? await organizationZone(ctx) : null;
  const cursor = input.cursor ? decodeMessageCursor(input.cursor) : null;
  const rows = await messageRowsQuery(ctx)
    .where(
      ctx.tenant.where(
        notifications,
        input.patientId ? eq(notifications.patientId, input.patientId) : undefined,
        input.kind ? eq(notifications.kind, input.kind) : undefined,
        input.channel ? eq(notifications.channel, input.channel) : undefined,
        statusCondition(input.status),
        input.from && zone ? sql`${notifications.createdAt} >= ${localMidnight(input.from, zone)}` : undefined,
        input.to && zone ? sql`${notifications.createdAt} < ${localMidnight(input.to, zone, 1)}` : undefined,
        cursor
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(sql`${notifications.createdAt} desc`, sql`${notifications.id} desc`)
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    rows: items.map(messageRow),
    nextCursor: rows.length > input.limit && last ? encodeMessageCursor({ createdAt: last.key, id: last.id }) : null,
  };
}
export type MessageListOutput = Awaited<ReturnType<typeof messageListHandler>>;
