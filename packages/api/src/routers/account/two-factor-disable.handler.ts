import { checkSecondFactor } from '@carelane/auth';
import { staffRecoveryCodes, staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import { checkOwnPassword, loadOwnAccount } from './load';
import type { DisableTwoFactorInput } from './two-factor.schema';

/**
 * Turns two-factor sign-in off, given the password and a current code (or a recovery code).
 * Refused for an admin whose organization requires it.
 */
export async function disableTwoFactorHandler({ ctx, input }: { ctx: StaffContext; input: DisableTwoFactorInput }) {
  const account = await loadOwnAccount(ctx);
  if (!account.twoFactorEnabledAt)
    throw new TRPCError({ code: 'CONFLICT', message: 'Two-factor sign-in is already off.' });
  if (account.twoFactorRequired) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Your clinic requires two-factor sign-in for administrators, so it cannot be turned off.',
    });
  }
  await checkOwnPassword(ctx, account, input.password, 'password');
  if (!(await checkSecondFactor(ctx, account, input.code))) {
    throw fieldError(
      'code',
      'That code is not right. Enter the newest code from your authenticator app, or a recovery code.',
    );
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ totpSecretSealed: null, twoFactorEnabledAt: null })
      .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, account.id)));
    await tx
      .delete(staffRecoveryCodes)
      .where(ctx.tenant.where(staffRecoveryCodes, eq(staffRecoveryCodes.staffUserId, account.id)));
    await audit(
      ctx,
      {
        action: 'account.twoFactor.disable',
        entity: 'staff_user',
        entityId: account.id,
        changes: { twoFactor: { from: 'on', to: 'off' } },
      },
      tx,
    );
  });
  return { enabled: false as const };
}
