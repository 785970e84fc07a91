import type { StaffRole } from '@carelane/core';
import { authSessions, type Database, type DbOrTx, organizations, patients, staffUsers } from '@carelane/db';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { auditAuthEvent } from './audit';
import { SESSION_POLICY } from './policy';

export type StaffPrincipal = {
  kind: 'staff';
  sessionId: string;
  userId: string;
  organizationId: string;
  role: StaffRole;
  name: string;
  defaultCentreId: string | null;
  /**
   * An admin of an organization that requires two-factor sign-in for admins, who has not set it
   * up: only their account's procedures answer until they do.
   */
  twoFactorSetupRequired: boolean;
};
export type PatientPrincipal = {
  kind: 'patient';
  sessionId: string;
  patientId: string;
  organizationId: string;
  name: string;
};
export type AnonymousPrincipal = { kind: 'anonymous' };
export type Principal = StaffPrincipal | PatientPrincipal | AnonymousPrincipal;

export type SessionMeta = { ip?: string | null | undefined; userAgent?: string | null | undefined };

export async function createStaffSession(db: Database, userId: string, meta: SessionMeta, now = new Date()) {
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, userId));
  if (!user?.active) throw new Error('User is not active');
  const [row] = await db
    .insert(authSessions)
    .values({
      kind: 'staff',
      organizationId: user.organizationId,
      staffUserId: user.id,
      sessionVersion: user.sessionVersion,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_POLICY.staff.absoluteMs),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: authSessions.id });
  if (!row) throw new Error('Session insert returned no row');
  await db.update(staffUsers).set({ lastSignInAt: now }).where(eq(staffUsers.id, user.id));
  await auditAuthEvent(db, {
    organizationId: user.organizationId,
    actorKind: 'staff',
    actorId: user.id,
    action: 'auth.sign_in',
    sessionId: row.id,
    ip: meta.ip,
  });
  return row.id;
}

export async function createPatientSession(db: DbOrTx, patientId: string, meta: SessionMeta, now = new Date()) {
  const [patient] = await db.select().from(patients).where(eq(patients.id, patientId));
  if (!patient) throw new Error('Unknown patient');
  const [row] = await db
    .insert(authSessions)
    .values({
      kind: 'patient',
      organizationId: patient.organizationId,
      patientId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_POLICY.patient.absoluteMs),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: authSessions.id });
  if (!row) throw new Error('Session insert returned no row');
  await auditAuthEvent(db, {
    organizationId: patient.organizationId,
    actorKind: 'patient',
    actorId: patient.id,
    action: 'auth.sign_in',
    sessionId: row.id,
    ip: meta.ip,
  });
  return row.id;
}

/**
 * Turns a session id from the signed cookie into a principal, or anonymous when the session is
 * unknown, revoked, idle too long, past its absolute limit, or its user was disabled or signed
 * out everywhere (session version). Runs on every request.
 *
 * `lastActivityAt` is when the person last touched the page, as the browser reports it: a page
 * that refreshes itself in the background must not keep an unattended session alive. Without
 * it (a page load, a form post) the request itself is the activity.
 */
export async function loadPrincipal(
  db: Database,
  sessionId: string | null,
  now = new Date(),
  lastActivityAt?: Date,
): Promise<Principal> {
  if (!sessionId || !/^[0-9a-f-]{36}$/i.test(sessionId)) return { kind: 'anonymous' };
  const [row] = await db
    .select({
      session: authSessions,
      user: {
        id: staffUsers.id,
        name: staffUsers.name,
        role: staffUsers.role,
        active: staffUsers.active,
        sessionVersion: staffUsers.sessionVersion,
        defaultCentreId: staffUsers.defaultCentreId,
        twoFactorEnabledAt: staffUsers.twoFactorEnabledAt,
      },
      requireAdminTwoFactor: organizations.requireAdminTwoFactor,
      patient: {
        id: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        mergedIntoId: patients.mergedIntoId,
        archivedAt: patients.archivedAt,
      },
    })
    .from(authSessions)
    .innerJoin(organizations, eq(organizations.id, authSessions.organizationId))
    .leftJoin(staffUsers, eq(staffUsers.id, authSessions.staffUserId))
    .leftJoin(patients, eq(patients.id, authSessions.patientId))
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
  if (!row) return { kind: 'anonymous' };
  const { session } = row;
  const policy = SESSION_POLICY[session.kind];
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleFor > policy.idleMs) {
    await revokeSession(db, sessionId, now, 'auth.session_expired');
    return { kind: 'anonymous' };
  }
  // Activity is never later than now, and never moves the clock back.
  const activity = Math.min(
    now.getTime(),
    Math.max(session.lastSeenAt.getTime(), lastActivityAt?.getTime() ?? now.getTime()),
  );
  if (activity - session.lastSeenAt.getTime() > SESSION_POLICY.touchEveryMs) {
    await db
      .update(authSessions)
      .set({ lastSeenAt: new Date(activity) })
      .where(eq(authSessions.id, sessionId));
  }
  if (session.kind === 'staff') {
    const user = row.user;
    if (!user?.active || user.sessionVersion !== session.sessionVersion) return { kind: 'anonymous' };
    return {
      kind: 'staff',
      sessionId,
      userId: user.id,
      organizationId: session.organizationId,
      role: user.role,
      name: user.name,
      defaultCentreId: user.defaultCentreId,
      twoFactorSetupRequired: user.role === 'admin' && row.requireAdminTwoFactor && !user.twoFactorEnabledAt,
    };
  }
  const patient = row.patient;
  if (!patient || patient.mergedIntoId || patient.archivedAt) return { kind: 'anonymous' };
  return {
    kind: 'patient',
    sessionId,
    patientId: patient.id,
    organizationId: session.organizationId,
    name: `${patient.firstName} ${patient.lastName}`.trim(),
  };
}

/** Ends a session (sign-out, or expiry found on use) and audits it once. */
export async function revokeSession(
  db: Database,
  sessionId: string,
  now = new Date(),
  action: 'auth.sign_out' | 'auth.session_expired' = 'auth.sign_out',
): Promise<void> {
  const [ended] = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)))
    .returning();
  if (!ended) return;
  const actorId = ended.staffUserId ?? ended.patientId;
  if (actorId) {
    await auditAuthEvent(db, {
      organizationId: ended.organizationId,
      actorKind: ended.kind,
      actorId,
      action,
      sessionId,
    });
  }
}

/**
 * After a password change: every other session of the person ends (their version no longer
 * matches), and the one they are using carries on at the new version. Without `keep` (a reset
 * by email link), every session ends.
 */
export async function endOtherStaffSessions(
  tx: DbOrTx,
  userId: string,
  keepSessionId: string | null,
  now = new Date(),
): Promise<number> {
  const [user] = await tx
    .update(staffUsers)
    .set({ sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
    .where(eq(staffUsers.id, userId))
    .returning({ sessionVersion: staffUsers.sessionVersion });
  if (!user) throw new Error('Unknown staff user');
  await tx
    .update(authSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(authSessions.staffUserId, userId),
        isNull(authSessions.revokedAt),
        keepSessionId ? ne(authSessions.id, keepSessionId) : undefined,
      ),
    );
  if (keepSessionId) {
    await tx
      .update(authSessions)
      .set({ sessionVersion: user.sessionVersion })
      .where(eq(authSessions.id, keepSessionId));
  }
  return user.sessionVersion;
}
