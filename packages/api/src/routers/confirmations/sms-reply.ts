import { normalisePhone, smsReplyIntent } from '@carelane/core';
import { appointments, centres, notifications } from '@carelane/db';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Context } from '../../context';
import { asPatient } from '../../scheduling/patient-cancel';
import { unscoped } from '../../tenancy';
import { cancelFromReminder, confirmByPatient } from './act';
import { visitWhen } from './when';

export const REPLY_HELP = 'Sorry, we did not understand. Reply 1 to confirm your visit or 2 to cancel it.';
export const REPLY_NO_VISIT = 'We could not find an upcoming visit for this number. Please contact the clinic.';

/**
 * The visit an SMS reply is about: the sender's next upcoming one that had a reminder sent by
 * SMS to this very number. The number alone is the proof, as with every SMS reply.
 */
async function repliedVisit(ctx: Context, phone: string, now: Date) {
  const [row] = await unscoped(ctx.db, 'an SMS reply names no organization: the number finds the visit')
    .select({
      id: appointments.id,
      organizationId: appointments.organizationId,
      patientId: appointments.patientId,
      startsAt: appointments.startsAt,
      zone: centres.zone,
    })
    .from(notifications)
    .innerJoin(appointments, eq(appointments.id, notifications.appointmentId))
    .innerJoin(centres, eq(centres.id, appointments.centreId))
    .where(
      and(
        eq(notifications.kind, 'reminder'),
        eq(notifications.channel, 'sms'),
        eq(notifications.recipient, phone),
        eq(notifications.status, 'sent'),
        eq(appointments.patientId, notifications.patientId),
        inArray(appointments.status, ['pending', 'confirmed']),
        gt(appointments.startsAt, now),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  return row;
}

/** Acts on an SMS reply to a reminder and returns the sentence to answer with. */
export async function answerSmsReply(ctx: Context, reply: { from: string; body: string }, now = new Date()) {
  const intent = smsReplyIntent(reply.body);
  if (!intent) return REPLY_HELP;
  const phone = normalisePhone(reply.from);
  const visit = phone ? await repliedVisit(ctx, phone, now) : undefined;
  if (!visit) return REPLY_NO_VISIT;
  const who = { organizationId: visit.organizationId, patientId: visit.patientId };
  const actor = asPatient(ctx, who);
  const when = visitWhen(visit.startsAt, visit.zone);
  const at = `${when.date} at ${when.time}`;
  try {
    if (intent === 'confirm') {
      const done = await ctx.db.transaction((tx) => confirmByPatient(tx, actor, who, visit.id, 'reply', now));
      return done.alreadyConfirmed
        ? `You have already confirmed your visit on ${at}. See you then.`
        : `Thank you — see you on ${at}.`;
    }
    await ctx.db.transaction((tx) => cancelFromReminder(tx, actor, who, visit.id, 'reply', now));
    return `Your visit on ${at} is cancelled.`;
  } catch (err) {
    // A refusal (late-cancellation policy) is the answer; anything else is a real failure.
    if (err instanceof TRPCError && err.code === 'CONFLICT') return err.message;
    throw err;
  }
}
