import { UNPAID_BOOKING_HOLD_MINUTES } from '@carelane/core';
import { appointments, appointmentTypes, auditLog, type Database } from '@carelane/db';
import { and, eq, exists, lt, sql } from 'drizzle-orm';
import { visitCancelled } from '../messaging/appointment-messages';
import { tenantOf, unscoped } from '../tenancy';

export const RELEASED_UNPAID_REASON = 'Not paid in time: the time was released for others.';

/**
 * Releases online bookings of prepaid types still unpaid after the hold: cancelled, so the time
 * is free again (the exclusion constraint ignores cancelled visits). Money that arrives later is
 * still recorded against the visit, for the clinic to refund or rebook. Returns how many.
 */
export async function releaseUnpaidBookings(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNPAID_BOOKING_HOLD_MINUTES * 60_000);
  return db.transaction(async (tx) => {
    const released = await unscoped(tx, 'the worker releases the unpaid bookings of every organization')
      .update(appointments)
      .set({ status: 'cancelled', cancelledAt: now, cancellationReason: RELEASED_UNPAID_REASON })
      .where(
        and(
          eq(appointments.status, 'pending'),
          eq(appointments.source, 'booking_site'),
          eq(appointments.paymentStatus, 'unpaid'),
          lt(appointments.createdAt, cutoff),
          exists(
            tx
              .select({ one: sql`1` })
              .from(appointmentTypes)
              .where(and(eq(appointmentTypes.id, appointments.typeId), eq(appointmentTypes.requiresPrepayment, true))),
          ),
        ),
      )
      .returning({ id: appointments.id, organizationId: appointments.organizationId });
    // The patient hears the booking lapsed; the message says so in their language.
    for (const visit of released) {
      await visitCancelled(tx, tenantOf(visit.organizationId), visit.id, { byPatient: false });
    }
    if (released.length > 0) {
      await tx.insert(auditLog).values(
        released.map((visit) => ({
          organizationId: visit.organizationId,
          actorKind: 'system',
          actorId: null,
          action: 'appointment.release_unpaid',
          entity: 'appointment',
          entityId: visit.id,
          changedFields: ['status'],
          changes: { status: { from: 'pending', to: 'cancelled' } },
          success: true,
        })),
      );
    }
    return released.length;
  });
}
