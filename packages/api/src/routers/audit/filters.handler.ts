import { auditLog, staffUsers } from '@carelane/db';
import { asc } from 'drizzle-orm';
import type { StaffContext } from '../../trpc';
import { actionLabel } from './actions';
import { ENTITY_OPTIONS } from './records';

/**
 * What the log's filters offer: every staff member (disabled ones too: their entries stay), the
 * actions the clinic's log holds, with their labels, and the kinds of record.
 */
export async function auditFiltersHandler({ ctx }: { ctx: StaffContext }) {
  const { db, tenant } = ctx;
  const [people, actions] = await Promise.all([
    db
      .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role, active: staffUsers.active })
      .from(staffUsers)
      .where(tenant.owns(staffUsers))
      .orderBy(asc(staffUsers.name)),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).where(tenant.owns(auditLog)),
  ]);
  return {
    people,
    actions: actions
      .map(({ action }) => ({ value: action, label: actionLabel(action) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    entities: ENTITY_OPTIONS,
  };
}
