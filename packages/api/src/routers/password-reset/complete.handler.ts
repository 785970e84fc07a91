import { endOtherStaffSessions, passwordProblem } from '@carelane/auth';
import { hashPassword, passwordResets, staffUsers } from '@carelane/db';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Context } from '../../context';
import { fieldError } from '../../field-error';
import { tenantOf, unscoped } from '../../tenancy';
import type { CompletePasswordResetInput } from './complete.schema';
import { deadResetLink, requireDashboard, resetTokenHash } from './reset-token';

/** The reset a token names, if it still works, with its person (active only). */
async function findUsableReset(ctx: Context, token: string) {
  const [found] = await unscoped(ctx.db, 'a reset link is found by its token hash before its organization is known')
    .select({
      resetId: passwordResets.id,
      organizationId: passwordResets.organizationId,
      user: { id: staffUsers.id, name: staffUsers.name, email: staffUsers.email },
    })
    .from(passwordResets)
    .innerJoin(staffUsers, eq(staffUsers.id, passwordResets.staffUserId))
    .where(
      and(
        eq(passwordResets.tokenHash, resetTokenHash(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
        eq(staffUsers.active, true),
      ),
    );
  return found ?? null;
}

/**
 * Sets a new password from an emailed link. The link works once, even when used twice at the
 * same moment (a conditional UPDATE decides); every other open link of the person dies with it,
 * and every session ends. One answer for a link that is unknown, used or expired.
 */
export async function completePasswordResetHandler({
  ctx,
  input,
}: {
  ctx: Context;
  input: CompletePasswordResetInput;
}) {
  requireDashboard(ctx);
  await ctx.rateLimits.consume([['passwordResetCompleteIp', ctx.ip ?? 'unknown']]);
  const found = await findUsableReset(ctx, input.token);
  if (!found) throw deadResetLink();
  // A refused password leaves the link working, so the person can try another.
  const problem = await passwordProblem(input.password, found.user);
  if (problem) throw fieldError('password', problem);
  const passwordHash = await hashPassword(input.password);
  const tenant = tenantOf(found.organizationId);
  return ctx.db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(
        tenant.where(
          passwordResets,
          eq(passwordResets.id, found.resetId),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
        ),
      )
      .returning({ id: passwordResets.id });
    if (!used) throw deadResetLink();
    // Other links sent earlier stop working: the password they were for is gone.
    await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(
        tenant.where(passwordResets, eq(passwordResets.staffUserId, found.user.id), isNull(passwordResets.usedAt)),
      );
    await tx
      .update(staffUsers)
      .set({ passwordHash })
      .where(tenant.where(staffUsers, eq(staffUsers.id, found.user.id)));
    await endOtherStaffSessions(tx, found.user.id, null);
    await audit(
      ctx,
      {
        action: 'passwordReset.complete',
        entity: 'staff_user',
        entityId: found.user.id,
        changes: { password: { to: 'changed' } },
        organizationId: found.organizationId,
      },
      tx,
    );
    return { email: found.user.email };
  });
}
