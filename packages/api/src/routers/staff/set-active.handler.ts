import { authSessions, staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, isNull, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import { keepAnAdmin } from '../../staff/admins';
import { futureVisitsOf } from '../../staff/future-visits';
import { closeOpenInvitations, loadStaffForUpdate, neverJoined } from '../../staff/load';
import type { StaffContext } from '../../trpc';
import type { SetActiveInput } from './set-active.schema';

/**
 * Deactivates or reactivates a staff account. Deactivating ends every session at once (a new
 * session version) and any invitation link; for a clinician it returns the visits still to come,
 * which someone must move. The last active admin cannot be deactivated, nor anyone themselves.
 * Someone who never accepted their invitation is invited again rather than switched on.
 */
export async function setActiveHandler({ ctx, input }: { ctx: StaffContext; input: SetActiveInput }) {
  if (input.userId === ctx.principal.userId && !input.active) {
    throw new TRPCError({ code: 'CONFLICT', message: 'You cannot deactivate your own account.' });
  }
  return ctx.db.transaction(async (tx) => {
    await keepAnAdmin(tx, ctx.tenant, input.userId, input.active);
    const user = await loadStaffForUpdate(tx, ctx.tenant, input.userId);
    if (input.active && !user.active && (await neverJoined(tx, ctx.tenant, user.id))) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `${user.name} has not accepted their invitation yet. Resend the invitation instead.`,
      });
    }
    if (user.active !== input.active) {
      await tx
        .update(staffUsers)
        .set({
          active: input.active,
          // A new session version ends every session the person holds, at their next request.
          ...(input.active ? {} : { sessionVersion: sql`${staffUsers.sessionVersion} + 1` }),
        })
        .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, user.id)));
      await audit(
        ctx,
        {
          action: input.active ? 'staff.enable' : 'staff.disable',
          entity: 'staff_user',
          entityId: user.id,
          changes: { active: { from: user.active, to: input.active } },
        },
        tx,
      );
    }
    if (input.active) return { id: user.id, active: true, futureVisits: [] };
    await tx
      .update(authSessions)
      .set({ revokedAt: new Date() })
      .where(ctx.tenant.where(authSessions, eq(authSessions.staffUserId, user.id), isNull(authSessions.revokedAt)));
    await closeOpenInvitations(tx, ctx.tenant, user.id, 'The account was deactivated.');
    const futureVisits = user.role === 'clinician' ? await futureVisitsOf(tx, ctx.tenant, user.id) : [];
    return { id: user.id, active: false, futureVisits };
  });
}
