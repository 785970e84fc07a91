import { centres } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import type { CentreIdInput } from './centre.schema';
import { type CentreDetails, centreColumns, lockCentre, otherOpenCentres, upcomingVisits } from './rows';

/** "9 Dec": a visit's day as the centre's staff read it. */
function shortDay(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: zone }).format(instant);
}

async function setActive(ctx: StaffContext, centreId: string, active: boolean) {
  return ctx.db.transaction(async (tx): Promise<CentreDetails> => {
    const before = await lockCentre(tx, ctx.tenant, centreId);
    if (before.active === active) return before;
    if (!active) await refuseArchive(ctx, tx, before);
    const [centre] = await tx
      .update(centres)
      .set({ active })
      .where(ctx.tenant.where(centres, eq(centres.id, centreId)))
      .returning(centreColumns);
    if (!centre) throw new Error('Centre update returned no row');
    await audit(
      ctx,
      {
        action: active ? 'centre.restore' : 'centre.archive',
        entity: 'centre',
        entityId: centreId,
        changes: { active: { from: before.active, to: active } },
      },
      tx,
    );
    return centre;
  });
}

/** A centre with visits still to come, or the last open one, stays open. */
async function refuseArchive(ctx: StaffContext, tx: Parameters<typeof lockCentre>[0], centre: CentreDetails) {
  const upcoming = await upcomingVisits(tx, ctx.tenant, centre.id, new Date());
  if (upcoming.count > 0 && upcoming.first) {
    const visits = upcoming.count === 1 ? '1 upcoming visit on' : `${upcoming.count} upcoming visits from`;
    throw new TRPCError({
      code: 'CONFLICT',
      message: `${centre.name} has ${visits} ${shortDay(upcoming.first, centre.zone)}. Move or cancel them first (Calendar → ${centre.name}).`,
    });
  }
  if ((await otherOpenCentres(tx, ctx.tenant, centre.id)) === 0) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `${centre.name} is your only open centre. Add another centre before archiving it.`,
    });
  }
}

/**
 * Archives a centre: it leaves the booking site, the pickers and the slot search, and keeps its
 * history. Refused while visits are still to come there.
 */
export function archiveCentreHandler({ ctx, input }: { ctx: StaffContext; input: CentreIdInput }) {
  return setActive(ctx, input.centreId, false);
}

/** Opens an archived centre again, with its hours and details as they were. */
export function restoreCentreHandler({ ctx, input }: { ctx: StaffContext; input: CentreIdInput }) {
  return setActive(ctx, input.centreId, true);
}
