import {
  type Database,
  type DbOrTx,
  enqueueNotification,
  organizations,
  staffInvitations,
  staffUsers,
} from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import type { Context } from '../context';
import { tenantOf, unscoped } from '../tenancy';
import type { StaffContext } from '../trpc';
import { closeOpenInvitations } from './load';
import { INVITATION_DAYS, invitationTokenHash, isInvitationToken, newInvitationToken } from './tokens';

const DAY_MS = 86_400_000;

/** "14 December" in the organization's zone: the last day the link works, for the message. */
function lastDay(expiresAt: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'long', timeZone: zone }).format(expiresAt);
}

/** The dashboard's public address, where the invitation page is; never the request's Host. */
function dashboardUrl(ctx: Pick<Context, 'formsUrl'>): string {
  if (!ctx.formsUrl) {
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Invitation links are not set up on this server.' });
  }
  return ctx.formsUrl.replace(/\/$/, '');
}

type Invitee = { id: string; name: string; email: string; phone: string | null };

/**
 * A new invitation link for someone who has not joined yet: earlier links stop working (and
 * their messages still waiting are dropped), the new one works for INVITATION_DAYS. The link goes
 * by email, and by SMS too when there is a phone. The token exists only in the link, sealed in
 * the outbox (decision 0011); the database keeps its hash. Returns the messages to send after commit.
 */
export async function issueInvitation(tx: DbOrTx, ctx: StaffContext, invitee: Invitee) {
  const base = dashboardUrl(ctx);
  const { tenant } = ctx;
  await closeOpenInvitations(tx, tenant, invitee.id, 'A newer invitation replaced this one.');
  const token = newInvitationToken();
  const [invitation] = await tx
    .insert(staffInvitations)
    .values(
      tenant.row({
        staffUserId: invitee.id,
        tokenHash: invitationTokenHash(token),
        expiresAt: new Date(Date.now() + INVITATION_DAYS * DAY_MS),
        createdById: ctx.principal.userId,
      }),
    )
    .returning();
  if (!invitation) throw new Error('Insert returned no row');
  const [org] = await tx
    .select({ name: organizations.name, zone: organizations.defaultZone })
    .from(organizations)
    .where(tenant.organization());
  const message = {
    organizationId: tenant.organizationId,
    kind: 'staff_invitation' as const,
    language: 'en' as const,
    payload: {
      staffName: invitee.name,
      organizationName: org?.name,
      until: lastDay(invitation.expiresAt, org?.zone ?? 'UTC'),
    },
    secret: { link: `${base}/invite/${token}` },
    // A staff recipient: no patient, so no patient consent applies at delivery.
    staffUserId: invitee.id,
    createdById: ctx.principal.userId,
  };
  const notificationIds = [
    await enqueueNotification(tx, { ...message, channel: 'email', recipient: invitee.email }, ctx.secret),
  ];
  if (invitee.phone) {
    notificationIds.push(
      await enqueueNotification(tx, { ...message, channel: 'sms', recipient: invitee.phone }, ctx.secret),
    );
  }
  return { invitation, notificationIds };
}

/**
 * The invitation a token names with its person and clinic, or null for anything that is not a
 * working link (unknown, used, expired, revoked): callers give one answer for all of them.
 */
export async function findUsableInvitation(db: DbOrTx | Database, token: string, now = new Date()) {
  if (!isInvitationToken(token)) return null;
  const [row] = await unscoped(db, 'an invitation is found by its token hash, before its organization is known')
    .select({
      invitation: staffInvitations,
      user: { id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, active: staffUsers.active },
    })
    .from(staffInvitations)
    .innerJoin(staffUsers, eq(staffUsers.id, staffInvitations.staffUserId))
    .where(eq(staffInvitations.tokenHash, invitationTokenHash(token)));
  if (!row) return null;
  const { invitation } = row;
  if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) return null;
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(tenantOf(invitation.organizationId).organization());
  if (!org) return null;
  return { invitation, user: row.user, organizationName: org.name };
}
