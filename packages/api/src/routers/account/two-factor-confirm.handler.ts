import { checkEnrolmentCode, replaceRecoveryCodes } from '@carelane/auth';
import { staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, isNull, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import { loadOwnAccount, ownTotpSecret } from './load';
import type { ConfirmTwoFactorInput } from './two-factor.schema';

/**
 * Turns two-factor sign-in on once the app shows a correct code, and answers ten recovery codes:
 * shown this once, kept only as hashes.
 */
export async function confirmTwoFactorHandler({ ctx, input }: { ctx: StaffContext; input: ConfirmTwoFactorInput }) {
  const account = await loadOwnAccount(ctx);
  if (account.twoFactorEnabledAt)
    throw new TRPCError({ code: 'CONFLICT', message: 'Two-factor sign-in is already on.' });
  const totpSecret = ownTotpSecret(ctx, account);
  if (!totpSecret) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'Start setting up two-factor sign-in first: scan the code, then enter what the app shows.',
    });
  }
  if (!(await checkEnrolmentCode(ctx.rateLimits, account.id, totpSecret, input.code))) {
    throw fieldError(
      'code',
      'That code is not right. Enter the newest code the app shows, and check that the phone’s clock is set automatically.',
    );
  }
  return ctx.db.transaction(async (tx) => {
    const [enabled] = await tx
      .update(staffUsers)
      .set({ twoFactorEnabledAt: sql`now()` })
      .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, account.id), isNull(staffUsers.twoFactorEnabledAt)))
      .returning({ id: staffUsers.id });
    if (!enabled) throw new TRPCError({ code: 'CONFLICT', message: 'Two-factor sign-in is already on.' });
    const recoveryCodes = await replaceRecoveryCodes(tx, account, ctx.secret);
    await audit(
      ctx,
      {
        action: 'account.twoFactor.confirm',
        entity: 'staff_user',
        entityId: account.id,
        changes: { twoFactor: { from: 'off', to: 'on' } },
      },
      tx,
    );
    return { recoveryCodes };
  });
}
