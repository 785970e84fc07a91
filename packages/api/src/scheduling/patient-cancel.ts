import { isLateCancellation } from '@carelane/core';
import { appointments, appointmentTypes, centres, type DbOrTx } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { audit } from '../audit';
import type { Context } from '../context';
import { notFound } from '../errors';
import { visitCancelled } from '../messaging/appointment-messages';
import { tenantOf } from '../tenancy';
import { offerFreedSlot } from './offer';

/** Whose visit: the signed-in patient, or the patient a signed link or reply speaks for. */
export type PatientRef = { organizationId: string; patientId: string };

/** The patient's own appointment, locked; anyone else's is NOT_FOUND. */
export async function lockOwn(tx: DbOrTx, who: PatientRef, id: string) {
  const [row] = await tx
    .select({ appointment: appointments, type: appointmentTypes, zone: centres.zone })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .where(
      tenantOf(who.organizationId).where(
        appointments,
        eq(appointments.id, id),
        eq(appointments.patientId, who.patientId),
      ),
    )
    .for('update', { of: appointments });
  if (!row) throw notFound('Appointment');
  if (row.appointment.status !== 'pending' && row.appointment.status !== 'confirmed') {
    throw new TRPCError({ code: 'CONFLICT', message: 'This appointment can no longer be changed online.' });
  }
  return row;
}

/** Late changes follow the type's policy: refused (call the clinic) or allowed and flagged. */
export function lateCheck(row: Awaited<ReturnType<typeof lockOwn>>, now: Date, what: 'cancelled' | 'moved') {
  const late = isLateCancellation(row.appointment.startsAt, now, row.type.lateCancellationHours);
  if (late && row.type.lateCancellationPolicy === 'refuse') {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `This appointment starts within ${row.type.lateCancellationHours} hours, so it can no longer be ${what} online. Please call the clinic.`,
    });
  }
  return late;
}

/**
 * A patient's own cancellation, whichever way it arrives (booking site, reminder link, SMS
 * reply): lock, late policy, cancel, offer the freed time to the waitlist, audit. The caller's
 * ctx must act as the patient (see asPatient) so the audit names them.
 */
export async function cancelByPatient(
  tx: DbOrTx,
  ctx: Context,
  who: PatientRef,
  input: { appointmentId: string; reason?: string | undefined },
  now = new Date(),
) {
  const row = await lockOwn(tx, who, input.appointmentId);
  const late = lateCheck(row, now, 'cancelled');
  const [updated] = await tx
    .update(appointments)
    .set({
      status: 'cancelled',
      cancelledAt: now,
      cancellationReason: input.reason || 'Cancelled by the patient online',
      lateCancellation: late,
    })
    .where(eq(appointments.id, row.appointment.id))
    .returning({ id: appointments.id, status: appointments.status, lateCancellation: appointments.lateCancellation });
  await visitCancelled(tx, tenantOf(who.organizationId), row.appointment.id, { byPatient: true });
  await offerFreedSlot(tx, ctx, { ...row.appointment, zone: row.zone });
  await audit(
    ctx,
    {
      action: 'appointment.cancel',
      entity: 'appointment',
      entityId: row.appointment.id,
      changes: { status: { from: row.appointment.status, to: 'cancelled' }, lateCancellation: { to: late } },
    },
    tx,
  );
  if (!updated) throw notFound('Appointment');
  return updated;
}

/**
 * The context of someone not signed in who proved, by a signed link or their phone number, to be
 * this patient: audit entries then name the patient as the actor. No session exists.
 */
export function asPatient(ctx: Context, who: PatientRef): Context {
  return {
    ...ctx,
    principal: {
      kind: 'patient',
      sessionId: '',
      patientId: who.patientId,
      organizationId: who.organizationId,
      name: '',
    },
  };
}
