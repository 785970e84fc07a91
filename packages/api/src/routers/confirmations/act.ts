import type { AppointmentStatus } from '@carelane/core';
import { appointments, type DbOrTx } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import { cancelByPatient, type PatientRef } from '../../scheduling/patient-cancel';
import { tenantOf } from '../../tenancy';

/** How the patient answered a reminder: the signed link, or a reply to the SMS. */
export type ConfirmedVia = 'link' | 'reply';

/** Why a visit can no longer be confirmed or cancelled from a reminder, in the patient's words; null = it can. */
export function visitClosedReason(status: AppointmentStatus, startsAt: Date, now: Date): string | null {
  if (status === 'cancelled') return 'This visit has already been cancelled.';
  if (status === 'completed' || status === 'checked_in') return 'This visit has already taken place.';
  if (status === 'no_show' || startsAt.getTime() <= now.getTime()) {
    return 'The time of this visit has passed. Please contact the clinic to book again.';
  }
  return null;
}

async function lockVisit(tx: DbOrTx, who: PatientRef, appointmentId: string) {
  const [row] = await tx
    .select()
    .from(appointments)
    .where(
      tenantOf(who.organizationId).where(
        appointments,
        eq(appointments.id, appointmentId),
        eq(appointments.patientId, who.patientId),
      ),
    )
    .for('update');
  if (!row) throw notFound('Appointment');
  return row;
}

function refuseClosed(row: { status: AppointmentStatus; startsAt: Date }, now: Date) {
  const reason = visitClosedReason(row.status, row.startsAt, now);
  if (reason) throw new TRPCError({ code: 'CONFLICT', message: reason });
}

/**
 * The patient says they will come. A second confirmation changes nothing. `ctx` acts as the
 * patient (asPatient) so the audit entry names them.
 */
export async function confirmByPatient(
  tx: DbOrTx,
  ctx: Context,
  who: PatientRef,
  appointmentId: string,
  via: ConfirmedVia,
  now = new Date(),
): Promise<{ alreadyConfirmed: boolean; patientConfirmedAt: Date; startsAt: Date }> {
  const row = await lockVisit(tx, who, appointmentId);
  refuseClosed(row, now);
  if (row.patientConfirmedAt) {
    return { alreadyConfirmed: true, patientConfirmedAt: row.patientConfirmedAt, startsAt: row.startsAt };
  }
  await tx
    .update(appointments)
    .set({ patientConfirmedAt: now, patientConfirmedVia: via })
    .where(eq(appointments.id, row.id));
  await audit(
    ctx,
    {
      action: 'appointment.patient_confirm',
      entity: 'appointment',
      entityId: row.id,
      changes: { patientConfirmedAt: { from: null, to: now }, patientConfirmedVia: { from: null, to: via } },
    },
    tx,
  );
  return { alreadyConfirmed: false, patientConfirmedAt: now, startsAt: row.startsAt };
}

/** The patient cancels from a reminder: the same cancellation as on the booking site, after the reminder's own checks. */
export async function cancelFromReminder(
  tx: DbOrTx,
  ctx: Context,
  who: PatientRef,
  appointmentId: string,
  via: ConfirmedVia,
  now = new Date(),
) {
  const row = await lockVisit(tx, who, appointmentId);
  refuseClosed(row, now);
  const reason =
    via === 'link' ? 'Cancelled by the patient from a reminder link' : 'Cancelled by the patient by SMS reply';
  return cancelByPatient(tx, ctx, who, { appointmentId, reason }, now);
}
