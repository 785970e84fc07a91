import { planReminders } from '@carelane/core';
import {
  appointments,
  centres,
  type DbOrTx,
  enqueueNotification,
  notifications,
  organizations,
  staffUsers,
} from '@carelane/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tenant } from '../tenancy';
import { notifyPatient } from './notify-patient';

/** Who made the change: a patient's own online change also tells the clinician. */
export type ChangedBy = {
  byPatient: boolean;
  /** false: plan reminders without a confirmation (the later visits of a series). */
  confirm?: boolean;
};

type Visit = Awaited<ReturnType<typeof loadVisit>>;

async function loadVisit(tx: DbOrTx, tenant: Tenant, appointmentId: string) {
  const [row] = await tx
    .select({
      id: appointments.id,
      organizationId: appointments.organizationId,
      patientId: appointments.patientId,
      clinicianId: appointments.clinicianId,
      status: appointments.status,
      startsAt: appointments.startsAt,
      zone: centres.zone,
      clinicianEmail: staffUsers.email,
      schedule: organizations.reminderOffsetsMinutes,
      quietStart: organizations.quietHoursStart,
      quietEnd: organizations.quietHoursEnd,
      now: sql<Date>`now()`.mapWith(appointments.startsAt),
    })
    .from(appointments)
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .innerJoin(staffUsers, eq(staffUsers.id, appointments.clinicianId))
    .innerJoin(organizations, tenant.organization())
    .where(tenant.where(appointments, eq(appointments.id, appointmentId)));
  if (!row) throw new Error('Appointment not found for its messages');
  return row;
}

/**
 * The reminders of the visit at its current time, per the organization's schedule and quiet hours
 * (core planReminders). `now` is the transaction's clock: it is also the booking or move time.
 */
async function planVisitReminders(tx: DbOrTx, visit: Visit) {
  const quietHours = visit.quietStart && visit.quietEnd ? { start: visit.quietStart, end: visit.quietEnd } : null;
  const plan = planReminders({
    startsAt: visit.startsAt,
    bookedAt: visit.now,
    now: visit.now,
    schedule: visit.schedule,
    zone: visit.zone,
    quietHours,
  });
  for (const reminder of plan) {
    await notifyPatient(tx, {
      organizationId: visit.organizationId,
      patientId: visit.patientId,
      kind: 'reminder',
      // The plan's moment is part of the key: moving a visit away and back plans afresh.
      idempotencyKey: `reminder:${visit.id}:${visit.startsAt.getTime()}:${reminder.offset}:${visit.now.getTime()}`,
      appointmentId: visit.id,
      sendAt: reminder.sendAt,
    });
  }
}

/** Stops the visit's messages that have not gone yet (they would name a time that no longer holds). */
async function stopPending(tx: DbOrTx, appointmentId: string, kinds: string[], reason: string) {
  await tx
    .update(notifications)
    .set({ status: 'cancelled', error: reason, sealedPayload: null })
    .where(
      and(
        eq(notifications.appointmentId, appointmentId),
        eq(notifications.status, 'pending'),
        inArray(notifications.kind, kinds),
      ),
    );
}

/** An email to the visit's clinician that a patient booked, moved or cancelled online. */
async function staffNotice(tx: DbOrTx, visit: Visit, change: 'booked' | 'rescheduled' | 'cancelled') {
  await enqueueNotification(tx, {
    organizationId: visit.organizationId,
    channel: 'email',
    kind: 'staff_booking_notice',
    recipient: visit.clinicianEmail,
    idempotencyKey: `staff_notice:${visit.id}:${change}:${visit.now.getTime()}`,
    payload: { change },
    patientId: visit.patientId,
    appointmentId: visit.id,
    staffUserId: visit.clinicianId,
  });
}

/**
 * A visit was booked (or its prepayment came in): the confirmation goes now and the reminders are
 * planned, in the booking's transaction. A visit still waiting for its prepayment gets neither
 * yet (its payment link is its message); the payment calls this again once it is confirmed.
 */
export async function visitBooked(tx: DbOrTx, tenant: Tenant, appointmentId: string, by: ChangedBy) {
  const visit = await loadVisit(tx, tenant, appointmentId);
  if (visit.status !== 'confirmed' || visit.startsAt <= visit.now) return;
  if (by.confirm !== false) {
    await notifyPatient(tx, {
      organizationId: visit.organizationId,
      patientId: visit.patientId,
      kind: 'booking_confirmation',
      idempotencyKey: `booking_confirmation:${visit.id}`,
      appointmentId: visit.id,
    });
  }
  await planVisitReminders(tx, visit);
  if (by.byPatient) await staffNotice(tx, visit, 'booked');
}

/** A visit moved: the old reminders stop, the patient is told, new reminders are planned. */
export async function visitMoved(
  tx: DbOrTx,
  tenant: Tenant,
  appointmentId: string,
  previousStartsAt: Date,
  by: ChangedBy,
) {
  const visit = await loadVisit(tx, tenant, appointmentId);
  await stopPending(tx, appointmentId, ['reminder'], 'The visit moved; reminders for the new time replace it.');
  if (visit.startsAt.getTime() === previousStartsAt.getTime() || visit.startsAt <= visit.now) return;
  if (visit.status === 'confirmed') {
    await notifyPatient(tx, {
      organizationId: visit.organizationId,
      patientId: visit.patientId,
      kind: 'reschedule_notice',
      idempotencyKey: `reschedule_notice:${visit.id}:${visit.startsAt.getTime()}:${visit.now.getTime()}`,
      appointmentId: visit.id,
      payload: { previousStartsAt: previousStartsAt.toISOString() },
    });
    await planVisitReminders(tx, visit);
  }
  if (by.byPatient) await staffNotice(tx, visit, 'rescheduled');
}

/** A visit was cancelled: what has not gone stops, and the patient is told (unless it is already past). */
export async function visitCancelled(tx: DbOrTx, tenant: Tenant, appointmentId: string, by: ChangedBy) {
  const visit = await loadVisit(tx, tenant, appointmentId);
  await stopPending(
    tx,
    appointmentId,
    ['booking_confirmation', 'reminder', 'reschedule_notice'],
    'The visit was cancelled.',
  );
  if (visit.startsAt <= visit.now) return;
  await notifyPatient(tx, {
    organizationId: visit.organizationId,
    patientId: visit.patientId,
    kind: 'cancellation_notice',
    idempotencyKey: `cancellation_notice:${visit.id}`,
    appointmentId: visit.id,
  });
  if (by.byPatient) await staffNotice(tx, visit, 'cancelled');
}
