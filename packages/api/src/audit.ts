import { type AuditChanges, auditLog, type DbOrTx } from '@carelane/db';
import type { Context } from './context';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | null;
  changes?: AuditChanges;
  success?: boolean;
  /** For someone not signed in (a patient on a form link): the organization the record belongs to. */
  organizationId?: string;
};

/** Who did it, from where: taken from the context, never from input. */
function actor(ctx: Context) {
  const p = ctx.principal;
  if (p.kind === 'staff') return { organizationId: p.organizationId, actorKind: 'staff', actorId: p.userId };
  if (p.kind === 'patient') return { organizationId: p.organizationId, actorKind: 'patient', actorId: p.patientId };
  return { organizationId: ctx.siteOrganizationId, actorKind: 'anonymous', actorId: null };
}

/**
 * Appends to the audit log. Pass the mutation's transaction so the entry commits (or not)
 * with the change; reads pass ctx.db.
 */
export async function audit(ctx: Context, entry: AuditEntry, tx: DbOrTx = ctx.db): Promise<void> {
  await tx.insert(auditLog).values({
    ...actor(ctx),
    ...(ctx.principal.kind === 'anonymous' && entry.organizationId ? { organizationId: entry.organizationId } : {}),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    changedFields: entry.changes ? Object.keys(entry.changes) : null,
    changes: entry.changes ?? null,
    success: entry.success ?? true,
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
}

/** Field-by-field differences between two versions of a row, for the audit entry. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (JSON.stringify(old) !== JSON.stringify(value)) changes[key] = { from: old, to: value };
  }
  return changes;
}
