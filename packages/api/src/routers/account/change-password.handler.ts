import { endOtherStaffSessions, passwordProblem } from '@carelane/auth';
import { hashPassword, staffUsers } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import type { ChangePasswordInput } from './change-password.schema';
import { checkOwnPassword, loadOwnAccount } from './load';

/**
 * Changes the signed-in person's password, given the current one. Every other session of theirs
 * ends (a lost laptop is signed out); the one they are using carries on.
 */
export async function changePasswordHandler({ ctx, input }: { ctx: StaffContext; input: ChangePasswordInput }) {
  const account = await loadOwnAccount(ctx);
  await checkOwnPassword(ctx, account, input.currentPassword, 'currentPassword');
  const problem = await passwordProblem(input.newPassword, account);
  if (problem) throw fieldError('newPassword', problem);
  if (input.newPassword === input.currentPassword) {
    throw fieldError('newPassword', 'Choose a password different from your current one');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ passwordHash })
      .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, account.id)));
    await endOtherStaffSessions(tx, account.id, ctx.principal.sessionId);
    await audit(
      ctx,
      {
        action: 'account.changePassword',
        entity: 'staff_user',
        entityId: account.id,
        changes: { password: { to: 'changed' } },
      },
      tx,
    );
  });
  return { changed: true as const };
}
