import { authSessions, staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import type { SetActiveInput } from './set-active.schema';

/** Enables or disables a staff account (admin only). Disabling ends its sessions at once. */
export async function setActiveHandler({ ctx, input }: { ctx: StaffContext; input: SetActiveInput }) {
  if (input.userId === ctx.principal.userId && !input.active) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'You cannot disable your own account.' });
  }
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: staffUsers.id, active: staffUsers.active })
      .from(staffUsers)
      .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, input.userId)))
      .for('update');
    if (!before) throw notFound('Staff member');
    const [after] = await tx
      .update(staffUsers)
      .set({
        active: input.active,
        // A new session version invalidates every session the user holds.
        ...(input.active ? {} : { sessionVersion: sql`${staffUsers.sessionVersion} + 1` }),
      })
      .where(eq(staffUsers.id, input.userId))
      .returning({ id: staffUsers.id, active: staffUsers.active });
    if (!input.active) {
      await tx
        .update(authSessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(authSessions.staffUserId, input.userId), isNull(authSessions.revokedAt)));
    }
    await audit(
      ctx,
      {
        action: input.active ? 'staff.enable' : 'staff.disable',
        entity: 'staff_user',
        entityId: input.userId,
        changes: { active: { from: before.active, to: input.active } },
      },
      tx,
    );
    return after;
  });
}
