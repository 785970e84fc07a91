import { bigint, boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns';

export type AuditChanges = Record<string, { from?: unknown; to?: unknown }>;

/**
 * Append-only (a trigger in the custom migration refuses UPDATE and DELETE). Records every
 * mutation and every read of a patient record, failures included.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id'),
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    changedFields: text('changed_fields').array(),
    changes: jsonb('changes').$type<AuditChanges>(),
    success: boolean('success').notNull().default(true),
    ip: text('ip'),
    requestId: text('request_id'),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.organizationId, t.entity, t.entityId),
    index('audit_log_at_idx').on(t.organizationId, t.at),
  ],
);
