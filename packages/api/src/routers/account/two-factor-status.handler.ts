import { staffRecoveryCodes } from '@carelane/db';
import { count, eq, isNull } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import { loadOwnAccount } from './load';

/** Whether the person's two-factor sign-in is on, how many recovery codes are left, and whether it is required. */
export async function twoFactorStatusHandler({ ctx }: { ctx: StaffContext }) {
  const account = await loadOwnAccount(ctx);
  const [left] = await ctx.db
    .select({ n: count() })
    .from(staffRecoveryCodes)
    .where(
      ctx.tenant.where(
        staffRecoveryCodes,
        eq(staffRecoveryCodes.staffUserId, account.id),
        isNull(staffRecoveryCodes.usedAt),
      ),
    );
  return {
    enabled: account.twoFactorEnabledAt !== null,
    enabledAt: account.twoFactorEnabledAt,
    recoveryCodesLeft: account.twoFactorEnabledAt ? (left?.n ?? 0) : 0,
    required: account.twoFactorRequired,
    email: account.email,
  };
}
