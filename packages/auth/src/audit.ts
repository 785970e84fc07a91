import { auditLog, type Database } from '@carelane/db';

export type AuthAuditEvent = {
  organizationId: string;
  actorKind: 'staff' | 'patient';
  actorId: string;
  action:
    | 'auth.sign_in'
    | 'auth.sign_in_failed'
    | 'auth.sign_out'
    | 'auth.session_expired'
    | 'auth.two_factor_failed'
    | 'auth.recovery_code_used';
  sessionId?: string | null;
  ip?: string | null | undefined;
};

/** Sign-ins, failures and sign-outs belong in the audit log beside every other change. */
export async function auditAuthEvent(db: Pick<Database, 'insert'>, event: AuthAuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    organizationId: event.organizationId,
    actorKind: event.actorKind,
    actorId: event.actorId,
    action: event.action,
    entity: 'auth_session',
    entityId: event.sessionId ?? null,
    success: event.action !== 'auth.sign_in_failed' && event.action !== 'auth.two_factor_failed',
    ip: event.ip ?? null,
  });
}
