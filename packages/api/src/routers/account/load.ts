import { openTotpSecret } from '@carelane/auth';
import { type DbOrTx, organizations, staffUsers, verifyPassword } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import { fieldError } from '../../field-error';
import type { StaffContext } from '../../trpc';

/** The signed-in staff member's own row, with what their organization asks of them. */
export async function loadOwnAccount(ctx: StaffContext, db: DbOrTx = ctx.db) {
  const [row] = await db
    .select({
      user: staffUsers,
      organizationName: organizations.name,
      requireAdminTwoFactor: organizations.requireAdminTwoFactor,
    })
    .from(staffUsers)
    .innerJoin(organizations, ctx.tenant.organization())
    .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, ctx.principal.userId)));
  if (!row) throw notFound('Your account');
  return {
    ...row.user,
    organizationName: row.organizationName,
    /** Their organization requires two-factor sign-in of them (an admin). */
    twoFactorRequired: row.user.role === 'admin' && row.requireAdminTwoFactor,
  };
}
export type OwnAccount = Awaited<ReturnType<typeof loadOwnAccount>>;

/** Checks the person's current password (limited per person); a field error when wrong. */
export async function checkOwnPassword(
  ctx: StaffContext,
  account: OwnAccount,
  password: string,
  field: string,
): Promise<void> {
  await ctx.rateLimits.consume([['passwordChange', account.id]]);
  const valid = account.passwordHash ? await verifyPassword(account.passwordHash, password) : false;
  if (!valid) throw fieldError(field, 'This is not your current password.');
  await ctx.rateLimits.reset('passwordChange', account.id);
}

/** The authenticator secret of an enrolment that was started (confirmed or not), or null. */
export function ownTotpSecret(ctx: StaffContext, account: OwnAccount): string | null {
  return account.totpSecretSealed ? openTotpSecret(account.totpSecretSealed, ctx.secret) : null;
}
