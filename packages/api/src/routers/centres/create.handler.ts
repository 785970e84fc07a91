import { centres } from '@carelane/db';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import type { CreateCentreInput } from './centre.schema';
import { type CentreDetails, centreColumns, centrePhone } from './rows';

/** Opens a new centre of the organization; a name another centre has is a CONFLICT. */
export async function createCentreHandler({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input: CreateCentreInput;
}): Promise<CentreDetails> {
  return ctx.db.transaction(async (tx) => {
    const phone = await centrePhone(tx, ctx.tenant, input.phone);
    const [centre] = await tx
      .insert(centres)
      .values(ctx.tenant.row({ ...input, phone }))
      .returning(centreColumns);
    if (!centre) throw new Error('Centre insert returned no row');
    await audit(
      ctx,
      {
        action: 'centre.create',
        entity: 'centre',
        entityId: centre.id,
        changes: Object.fromEntries(Object.entries({ ...input, phone }).map(([key, to]) => [key, { to }])),
      },
      tx,
    );
    return centre;
  });
}
