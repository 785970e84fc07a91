import { enrolmentDetails, newTotpSecret, sealTotpSecret } from '@carelane/auth';
import { staffUsers } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq, isNull } from 'drizzle-orm';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import { loadOwnAccount } from './load';

/**
 * Starts setting up an authenticator: a new secret, kept sealed on the person's row until a code
 * confirms it (starting again replaces it). Answers what the app scans and the key to type.
 */
export async function startTwoFactorHandler({ ctx }: { ctx: StaffContext }) {
  const account = await loadOwnAccount(ctx);
  if (account.twoFactorEnabledAt) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'Two-factor sign-in is already on. Turn it off first to move it to another phone.',
    });
  }
  const totpSecret = newTotpSecret();
  await ctx.db.transaction(async (tx) => {
    const [started] = await tx
      .update(staffUsers)
      .set({ totpSecretSealed: sealTotpSecret(totpSecret, ctx.secret) })
      .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, account.id), isNull(staffUsers.twoFactorEnabledAt)))
      .returning({ id: staffUsers.id });
    if (!started) throw new TRPCError({ code: 'CONFLICT', message: 'Two-factor sign-in is already on.' });
    await audit(ctx, { action: 'account.twoFactor.start', entity: 'staff_user', entityId: account.id }, tx);
  });
  return enrolmentDetails({ totpSecret, organizationName: account.organizationName, account: account.email });
}
