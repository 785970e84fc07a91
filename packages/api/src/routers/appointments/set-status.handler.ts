import { checkStaffTransition } from '@carelane/core';
import { appointments } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import type { StaffContext } from '../../trpc';
import { lockAppointmentForStaff } from './load';
import type { SetStatusInput } from './set-status.schema';

/** Confirm, check in, complete or mark a no-show, as the status machine and the role allow. */
export async function setStatusHandler({ ctx, input }: { ctx: StaffContext; input: SetStatusInput }) {
  return ctx.db.transaction(async (tx) => {
    const { appointment } = await lockAppointmentForStaff(tx, ctx, input.id);
    const now = new Date();
    const check = checkStaffTransition(ctx.principal.role, appointment.status, input.status, appointment.startsAt, now);
    if (!check.ok) throw new TRPCError({ code: check.code, message: check.reason });
    const [updated] = await tx
      .update(appointments)
      .set({ status: input.status, ...(input.status === 'confirmed' ? { confirmedAt: now } : {}) })
      .where(eq(appointments.id, appointment.id))
      .returning();
    await audit(
      ctx,
      {
        action: `appointment.${input.status}`,
        entity: 'appointment',
        entityId: appointment.id,
        changes: { status: { from: appointment.status, to: input.status } },
      },
      tx,
    );
    return updated;
  });
}
