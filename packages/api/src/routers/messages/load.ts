import { resendRefusal } from '@carelane/core';
import { appointments, type DbOrTx, notifications, patients } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { StaffContext } from '../../trpc';

type Message = typeof notifications.$inferSelect;

/** A message of the session's organization, or NOT_FOUND (another organization's too). */
export async function loadMessage(ctx: StaffContext, id: string, db: DbOrTx = ctx.db): Promise<Message> {
  const [message] = await db
    .select()
    .from(notifications)
    .where(ctx.tenant.where(notifications, eq(notifications.id, id)));
  if (!message) throw notFound('Message');
  return message;
}

/** Why the server would refuse to send this message again today, or null (core's resendRefusal). */
export async function refusalOf(ctx: StaffContext, message: Message, db: DbOrTx = ctx.db): Promise<string | null> {
  const [[patient], [appointment]] = await Promise.all([
    message.patientId
      ? db
          .select()
          .from(patients)
          .where(ctx.tenant.where(patients, eq(patients.id, message.patientId)))
      : [],
    message.appointmentId
      ? db
          .select({ status: appointments.status, startsAt: appointments.startsAt })
          .from(appointments)
          .where(ctx.tenant.where(appointments, eq(appointments.id, message.appointmentId)))
      : [],
  ]);
  return resendRefusal({
    kind: message.kind,
    channel: message.channel,
    patient: patient ?? null,
    appointment: appointment ?? null,
    now: new Date(),
  });
}
