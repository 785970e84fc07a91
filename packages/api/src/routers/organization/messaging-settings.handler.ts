import type { DbOrTx } from '@carelane/db';
import { organizations } from '@carelane/db';
import { audit, diff } from '../../audit';
import { notFound } from '../../errors';
import type { Tenant } from '../../tenancy';
import type { StaffContext } from '../../trpc';
import type { MessagingSettingsInput } from './messaging-settings.schema';

async function readSettings(db: DbOrTx, tenant: Tenant, lock = false): Promise<MessagingSettingsInput> {
  const query = db
    .select({
      reminderOffsetsMinutes: organizations.reminderOffsetsMinutes,
      quietHoursStart: organizations.quietHoursStart,
      quietHoursEnd: organizations.quietHoursEnd,
      channelOrder: organizations.channelOrder,
    })
    .from(organizations)
    .where(tenant.organization());
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Your organization');
  const quietHours =
    row.quietHoursStart && row.quietHoursEnd ? { start: row.quietHoursStart, end: row.quietHoursEnd } : null;
  return { reminderOffsetsMinutes: row.reminderOffsetsMinutes, quietHours, channelOrder: row.channelOrder };
}

/** The caller's organization's reminder schedule, quiet hours and channel order. */
export async function messagingSettingsHandler({ ctx }: { ctx: StaffContext }) {
  return readSettings(ctx.db, ctx.tenant);
}

export async function updateMessagingSettingsHandler({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: MessagingSettingsInput;
}) {
  const { organizationId } = ctx.tenant;
  // Largest first: the order reminders are planned and shown in.
  const next = { ...input, reminderOffsetsMinutes: [...input.reminderOffsetsMinutes].sort((a, b) => b - a) };
  await ctx.db.transaction(async (tx) => {
    const before = await readSettings(tx, ctx.tenant, true);
    await tx
      .update(organizations)
      .set({
        reminderOffsetsMinutes: next.reminderOffsetsMinutes,
        quietHoursStart: next.quietHours?.start ?? null,
        quietHoursEnd: next.quietHours?.end ?? null,
        channelOrder: next.channelOrder,
      })
      .where(ctx.tenant.organization());
    await audit(
      ctx,
      {
        action: 'organization.update_messaging_settings',
        entity: 'organization',
        entityId: organizationId,
        changes: diff(before, next),
      },
      tx,
    );
  });
  return readSettings(ctx.db, ctx.tenant);
}
