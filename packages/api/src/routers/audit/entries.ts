import { fullName, type StaffRole } from '@carelane/core';
import { auditLog, patients, staffUsers } from '@carelane/db';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import { localMidnight, organizationZone } from '../messages/rows';
import { actionLabel } from './actions';
import { type AuditCursor, type AuditFilters, encodeAuditCursor } from './audit.schema';
import { aboutPatient, describeRecords } from './records';

/**
 * The WHERE of the log's filters, the tenant's entries only. A patient or staff id that names
 * none of the clinic's people is NOT_FOUND, as for any other id of another organization.
 */
export async function auditConditions(ctx: StaffContext, filters: AuditFilters): Promise<SQL[]> {
  const { db, tenant } = ctx;
  const [patient, actor, zone] = await Promise.all([
    filters.patientId
      ? db
          .select({ id: patients.id })
          .from(patients)
          .where(tenant.where(patients, eq(patients.id, filters.patientId)))
      : null,
    filters.actorId
      ? db
          .select({ id: staffUsers.id })
          .from(staffUsers)
          .where(tenant.where(staffUsers, eq(staffUsers.id, filters.actorId)))
      : null,
    filters.from || filters.to ? organizationZone(ctx) : null,
  ]);
  if (patient && patient.length === 0) throw notFound('Patient');
  if (actor && actor.length === 0) throw notFound('Staff member');
  const conditions = [
    tenant.owns(auditLog),
    filters.patientId ? aboutPatient(ctx, filters.patientId) : undefined,
    filters.actorId ? and(eq(auditLog.actorKind, 'staff'), eq(auditLog.actorId, filters.actorId)) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.entity ? eq(auditLog.entity, filters.entity) : undefined,
    filters.from && zone ? sql`${auditLog.at} >= ${localMidnight(filters.from, zone)}` : undefined,
    filters.to && zone ? sql`${auditLog.at} < ${localMidnight(filters.to, zone, 1)}` : undefined,
  ];
  return conditions.filter((c) => c !== undefined);
}

/** Only the access entries (opened, downloaded) of the ones the conditions pick. */
export function onlyActions(actions: string[]): SQL {
  return inArray(auditLog.action, actions);
}

export type AuditActor =
  | { kind: 'staff'; id: string; name: string; role: StaffRole | null }
  | { kind: 'patient'; id: string; name: string; role: null }
  | { kind: 'system' | 'anonymous'; id: null; name: string; role: null };

/**
 * One page of entries, newest first, keyed by (at, id) so a page never repeats or skips an entry
 * while new ones arrive: they are newer than every cursor and only appear on a fresh first page.
 */
export async function auditPage(ctx: StaffContext, conditions: SQL[], cursor: AuditCursor | null, limit: number) {
  const { db, tenant } = ctx;
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      key: sql<string>`${auditLog.at}::text`,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      changes: auditLog.changes,
      success: auditLog.success,
      ip: auditLog.ip,
      actorKind: auditLog.actorKind,
      actorId: auditLog.actorId,
      staff: { name: staffUsers.name, role: staffUsers.role },
      patient: { firstName: patients.firstName, lastName: patients.lastName, mrn: patients.mrn },
    })
    .from(auditLog)
    .leftJoin(
      staffUsers,
      tenant.where(staffUsers, eq(auditLog.actorKind, 'staff'), eq(staffUsers.id, auditLog.actorId)),
    )
    .leftJoin(patients, tenant.where(patients, eq(auditLog.actorKind, 'patient'), eq(patients.id, auditLog.actorId)))
    .where(
      and(
        ...conditions,
        cursor ? sql`(${auditLog.at}, ${auditLog.id}) < (${cursor.at}::timestamptz, ${cursor.id}::bigint)` : undefined,
      ),
    )
    .orderBy(sql`${auditLog.at} desc`, sql`${auditLog.id} desc`)
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const record = await describeRecords(ctx, items);
  const last = items.at(-1);
  return {
    entries: items.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      what: actionLabel(row.action),
      success: row.success,
      who: actorOf(row),
      record: record(row),
      ip: row.ip,
      changes: row.changes ?? null,
    })),
    nextCursor: rows.length > limit && last ? encodeAuditCursor({ at: last.key, id: last.id }) : null,
  };
}
export type AuditEntryRow = Awaited<ReturnType<typeof auditPage>>['entries'][number];

type ActorFacts = {
  actorKind: string;
  actorId: string | null;
  staff: { name: string; role: StaffRole } | null;
  patient: { firstName: string; lastName: string; mrn: string } | null;
};

function actorOf({ actorKind, actorId, staff, patient }: ActorFacts): AuditActor {
  if (actorKind === 'staff' && actorId) {
    return { kind: 'staff', id: actorId, name: staff?.name ?? 'Former staff member', role: staff?.role ?? null };
  }
  if (actorKind === 'patient' && actorId) {
    return { kind: 'patient', id: actorId, name: patient ? `Patient ${fullName(patient)}` : 'Patient', role: null };
  }
  if (actorKind === 'anonymous') return { kind: 'anonymous', id: null, name: 'Someone with a link', role: null };
  return { kind: 'system', id: null, name: 'System', role: null };
}
