import { centres } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { audit, diff } from '../../audit';
import type { StaffContext } from '../../trpc';
import type { UpdateCentreInput } from './centre.schema';
import { type CentreDetails, centreColumns, centrePhone, lockCentre } from './rows';

/**
 * Changes a centre's details. Its opening days and zone feed the slot search: the centres
 * trigger (migration 0007) empties the schedule caches.
 */
export async function updateCentreHandler({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: UpdateCentreInput;
}): Promise<CentreDetails> {
  const { centreId, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    const before = await lockCentre(tx, ctx.tenant, centreId);
    const next = { ...fields, phone: await centrePhone(tx, ctx.tenant, fields.phone) };
    const [centre] = await tx
      .update(centres)
      .set(next)
      .where(ctx.tenant.where(centres, eq(centres.id, centreId)))
      .returning(centreColumns);
    if (!centre) throw new Error('Centre update returned no row');
    await audit(
      ctx,
      { action: 'centre.update', entity: 'centre', entityId: centreId, changes: diff(before, next) },
      tx,
    );
    return centre;
  });
}
