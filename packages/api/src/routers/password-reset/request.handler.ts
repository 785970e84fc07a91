import { setTimeout as sleep } from 'node:timers/promises';
import { PASSWORD_RESET_POLICY } from '@carelane/auth';
import { enqueueNotification, organizations, passwordResets, staffUsers } from '@carelane/db';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Context } from '../../context';
import { deliverNow } from '../../messaging/deliver-now';
import { tenantOf, unscoped } from '../../tenancy';
import type { RequestPasswordResetInput } from './request.schema';
import { newResetToken, requireDashboard, resetTokenHash } from './reset-token';

/** Every answer takes at least this long, so timing does not tell a known address from another. */
const MIN_ANSWER_MS = 400;

/**
 * Emails a single-use reset link, valid one hour, to an active staff member with this address.
 * The answer is the same for any address (known, unknown, disabled), and takes as long; the
 * link goes out after the answer, in the background, and the worker retries it if needed.
 */
export async function requestPasswordResetHandler({ ctx, input }: { ctx: Context; input: RequestPasswordResetInput }) {
  const base = requireDashboard(ctx);
  const started = Date.now();
  const email = input.email.trim().toLowerCase();
  await ctx.rateLimits.consume([
    ['passwordResetIp', ctx.ip ?? 'unknown'],
    ['passwordResetEmail', email],
  ]);
  const [user] = await unscoped(ctx.db, 'the person is found by email before their organization is known')
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      organizationId: staffUsers.organizationId,
    })
    .from(staffUsers)
    .where(
      and(sql`lower(${staffUsers.email}) = ${email}`, eq(staffUsers.active, true), isNotNull(staffUsers.passwordHash)),
    );
  let notificationId: string | null = null;
  if (user) {
    const tenant = tenantOf(user.organizationId);
    notificationId = await ctx.db.transaction(async (tx) => {
      const token = newResetToken();
      await tx.insert(passwordResets).values(
        tenant.row({
          staffUserId: user.id,
          tokenHash: resetTokenHash(token),
          expiresAt: new Date(Date.now() + PASSWORD_RESET_POLICY.linkTtlMs),
        }),
      );
      await audit(
        ctx,
        {
          action: 'passwordReset.request',
          entity: 'staff_user',
          entityId: user.id,
          organizationId: user.organizationId,
        },
        tx,
      );
      const [org] = await tx.select({ name: organizations.name }).from(organizations).where(tenant.organization());
      return enqueueNotification(
        tx,
        {
          organizationId: tenant.organizationId,
          channel: 'email',
          kind: 'password_reset',
          recipient: user.email,
          payload: { staffName: user.name, organizationName: org?.name },
          // Sealed until sent, then dropped (decision 0011).
          secret: { link: `${base}/reset-password/${token}` },
          // A staff recipient: no patient, so no patient consent applies at delivery.
          staffUserId: user.id,
        },
        ctx.secret,
      );
    });
  }
  await sleep(Math.max(0, started + MIN_ANSWER_MS - Date.now()));
  if (notificationId) void deliverNow(ctx, notificationId);
  return { sent: true as const };
}
