import type { StaffContext } from '../../trpc';
import { type AuditListInput, decodeAuditCursor } from './audit.schema';
import { auditConditions, auditPage } from './entries';

/**
 * The organization's audit log, newest first: who did what to which record, when, from where,
 * and what changed. Reading the log is not itself logged; exporting it is.
 */
export async function auditListHandler({ ctx, input }: { ctx: StaffContext; input: AuditListInput }) {
  const { cursor, limit, ...filters } = input;
  const conditions = await auditConditions(ctx, filters);
  return auditPage(ctx, conditions, cursor ? decodeAuditCursor(cursor) : null, limit);
}
export type AuditListOutput = Awaited<ReturnType<typeof auditListHandler>>;
