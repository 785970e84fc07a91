import { checkStaffTransition } from '@carelane/core';
import { appointments } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import { visitCancelled } from '../../messaging/appointment-messages';
import { offerFreedSlot } from '../../scheduling/offer';
import type { StaffContext } from '../../trpc';
import type { CancelInput } from './cancel.schema';
import { lockAppointmentForStaff } from './load';

/** Cancels with a reason (staff). The time is free for others at once. */
export async function cancelHandler({ ctx, input }: { ctx: StaffContext; input: CancelInput }) {
  return ctx.db.transaction(async (tx) => {
    const { appointment, zone } = await lockAppointmentForStaff(tx, ctx, input.id);
    const now = new Date();
    const check = checkStaffTransition(ctx.principal.role, appointment.status, 'cancelled', appointment.startsAt, now);
    if (!check.ok) throw new TRPCError({ code: check.code, message: check.reason });
    const [updated] = await tx
      .update(appointments)
      .set({ status: 'cancelled', cancelledAt: now, cancellationReason: input.reason })
      .where(eq(appointments.id, appointment.id))
      .returning();
    await audit(
      ctx,
      {
        action: 'appointment.cancel',
        entity: 'appointment',
        entityId: appointment.id,
        changes: { status: { from: appointment.status, to: 'cancelled' }, cancellationReason: { to: input.reason } },
      },
      tx,
    );
    await visitCancelled(tx, ctx.tenant, appointment.id, { byPatient: false });
    await offerFreedSlot(tx, ctx, { ...appointment, zone });
    return updated;
  });
}
