import type { StaffContext } from '../../trpc';
import { ACCESS_ACTIONS } from './actions';
import { decodeAuditCursor, type PatientAccessInput } from './audit.schema';
import { auditConditions, auditPage, onlyActions } from './entries';

/**
 * Who opened or downloaded one patient's record, its notes, bills and forms, latest first. Another
 * organization's patient is NOT_FOUND.
 */
export async function patientAccessHandler({ ctx, input }: { ctx: StaffContext; input: PatientAccessInput }) {
  const conditions = await auditConditions(ctx, { patientId: input.patientId });
  const page = await auditPage(
    ctx,
    [...conditions, onlyActions(ACCESS_ACTIONS)],
    input.cursor ? decodeAuditCursor(input.cursor) : null,
    input.limit,
  );
  return {
    entries: page.entries.map(({ id, at, what, who, record, ip, success }) => ({
      id,
      at,
      what,
      who,
      record,
      ip,
      success,
    })),
    nextCursor: page.nextCursor,
  };
}
