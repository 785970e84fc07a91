import { staffUsers } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { audit, diff } from '../../audit';
import { keepAnAdmin } from '../../staff/admins';
import { replaceCentres } from '../../staff/centres';
import { checkStaffDetails } from '../../staff/details';
import { centreIdsOf, loadStaffForUpdate } from '../../staff/load';
import type { StaffContext } from '../../trpc';
import type { UpdateStaffInput } from './update.schema';

/**
 * Changes a staff member's name, phone, role and centres. A new role applies to their open
 * sessions from their next request (the role is read from the database on every request); the
 * last active admin cannot be given another role.
 */
export async function updateStaffHandler({ ctx, input }: { ctx: StaffContext; input: UpdateStaffInput }) {
  return ctx.db.transaction(async (tx) => {
    await keepAnAdmin(tx, ctx.tenant, input.userId, input.role === 'admin');
    const user = await loadStaffForUpdate(tx, ctx.tenant, input.userId);
    const { phone } = await checkStaffDetails(tx, ctx.tenant, input, user.id);
    const centreIds = [...new Set(input.centreIds)].sort();
    const beforeCentres = await centreIdsOf(tx, ctx.tenant, user.id);
    const defaultCentreId =
      user.defaultCentreId && centreIds.includes(user.defaultCentreId) ? user.defaultCentreId : (centreIds[0] ?? null);
    const after = { name: input.name, phone, role: input.role, defaultCentreId };
    const changes = {
      ...diff({ name: user.name, phone: user.phone, role: user.role, defaultCentreId: user.defaultCentreId }, after),
      ...diff({ centreIds: beforeCentres }, { centreIds }),
    };
    if (Object.keys(changes).length === 0) return { id: user.id, changed: false };
    await tx
      .update(staffUsers)
      .set(after)
      .where(ctx.tenant.where(staffUsers, eq(staffUsers.id, user.id)));
    if (changes.centreIds) await replaceCentres(tx, ctx.tenant, user.id, centreIds);
    await audit(ctx, { action: 'staff.update', entity: 'staff_user', entityId: user.id, changes }, tx);
    return { id: user.id, changed: true };
  });
}
