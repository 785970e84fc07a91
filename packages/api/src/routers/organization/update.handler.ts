import { organizations } from '@carelane/db';
import { audit, diff } from '../../audit';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';
import { loadOrganizationSettings } from './load';
import type { UpdateOrganizationInput } from './update.schema';

/**
 * Renames the organization or changes its default zone. A zone change makes a database trigger
 * recount patient statistics by the new local day, inside this transaction.
 */
export async function updateOrganizationHandler({ ctx, input }: { ctx: StaffContext; input: UpdateOrganizationInput }) {
  const { organizationId } = ctx.tenant;
  await ctx.db.transaction(async (tx) => {
    const mine = ctx.tenant.organization();
    const [before] = await tx
      .select({ name: organizations.name, zone: organizations.defaultZone })
      .from(organizations)
      .where(mine)
      .for('update');
    if (!before) throw notFound('Your organization');
    await tx.update(organizations).set({ name: input.name, defaultZone: input.zone }).where(mine);
    await audit(
      ctx,
      {
        action: 'organization.update',
        entity: 'organization',
        entityId: organizationId,
        changes: diff(before, input),
      },
      tx,
    );
  });
  return loadOrganizationSettings(ctx);
}
