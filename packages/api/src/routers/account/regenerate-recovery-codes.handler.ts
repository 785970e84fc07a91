import { checkSecondFactor, replaceRecoveryCodes } from '@carelane/auth';
import { TRPCError } from '@trpc/server';
import { audit } from '../../audit';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';
import { loadOwnAccount } from './load';
import type { RegenerateRecoveryCodesInput } from './two-factor.schema';

/** Ten new recovery codes for ten old ones (used or not), given a current code; shown once. */
export async function regenerateRecoveryCodesHandler({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: RegenerateRecoveryCodesInput;
}) {
  const account = await loadOwnAccount(ctx);
  if (!account.twoFactorEnabledAt) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'Turn on two-factor sign-in first; recovery codes come with it.',
    });
  }
  if (!(await checkSecondFactor(ctx, account, input.code))) {
    throw fieldError('code', 'That code is not right. Enter the newest code from your authenticator app.');
  }
  return ctx.db.transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, account, ctx.secret);
    await audit(
      ctx,
      { action: 'account.twoFactor.regenerateRecoveryCodes', entity: 'staff_user', entityId: account.id },
      tx,
    );
    return { recoveryCodes };
  });
}
