import { channelOrder, channelRecipient, isMessageLanguage, type MessageKind } from '@carelane/core';
import { type DbOrTx, enqueueNotification, organizations, patients } from '@carelane/db';
import { eq } from 'drizzle-orm';
import { tenantOf } from '../tenancy';

export type PatientMessage = {
  organizationId: string;
  patientId: string;
  kind: MessageKind;
  /** Names the message, so writing it twice (a retried request, a re-plan) keeps one. */
  idempotencyKey: string;
  payload?: Record<string, unknown>;
  appointmentId?: string | undefined;
  sendAt?: Date | undefined;
  createdById?: string | undefined;
};

export type Queued = { id: string; channel: string } | { id: null; reason: string };

/**
 * Writes a message to a patient on the first channel of the organization's order the patient
 * agreed to and has an address for, in the patient's language; the other allowed channels follow
 * as its fallback. A patient reachable on no channel gets nothing (and the reason is returned).
 */
export async function notifyPatient(tx: DbOrTx, message: PatientMessage): Promise<Queued> {
  const tenant = tenantOf(message.organizationId);
  const [found] = await tx
    .select({ patient: patients, order: organizations.channelOrder })
    .from(patients)
    .innerJoin(organizations, tenant.organization())
    .where(tenant.where(patients, eq(patients.id, message.patientId)));
  if (!found) return { id: null, reason: 'No such patient.' };
  const { patient } = found;
  const channels = channelOrder(patient, found.order);
  const [first, ...rest] = channels;
  if (!first) return { id: null, reason: `${patient.firstName} has not agreed to messages on any channel.` };
  const recipientOf = (channel: typeof first) => channelRecipient(patient, channel) ?? '';
  const id = await enqueueNotification(tx, {
    organizationId: tenant.organizationId,
    channel: first,
    kind: message.kind,
    language: isMessageLanguage(patient.language) ? patient.language : 'en',
    idempotencyKey: message.idempotencyKey,
    recipient: recipientOf(first),
    payload: message.payload,
    patientId: patient.id,
    appointmentId: message.appointmentId,
    sendAt: message.sendAt,
    createdById: message.createdById,
    fallback: rest.map((channel) => ({ channel, recipient: recipientOf(channel) })),
  });
  return { id, channel: first };
}
