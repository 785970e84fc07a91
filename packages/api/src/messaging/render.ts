import {
  defaultTemplate,
  isMessageKind,
  isMessageLanguage,
  type MessageKind,
  type MessageTemplate,
  type NotificationChannel,
  renderMessage,
} from '@carelane/core';
import { type Database, messageTemplates, type notifications } from '@carelane/db';
import { appointmentIcs, type MessageAttachment } from '@carelane/integrations';
import { eq } from 'drizzle-orm';
import { type Tenant, tenantOf } from '../tenancy';
import { type LinkConfig, loadMessageFacts, type MessageFacts, messageValues } from './values';

type Notification = typeof notifications.$inferSelect;

/** Kinds whose email carries the visit as a calendar invitation (a cancellation removes it). */
const ICS_KINDS: ReadonlySet<MessageKind> = new Set([
  'booking_confirmation',
  'reminder',
  'reschedule_notice',
  'cancellation_notice',
]);

// ICS SEQUENCE must grow with every change of the event: seconds since 2024 from the visit's
// updatedAt do, and fit the 32-bit integer calendars expect.
const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);

export type RenderedMessage = { subject?: string | undefined; body: string; attachments?: MessageAttachment[] };

/** The organization's wording, or the default when it has not written its own. */
export async function templateFor(
  db: Database,
  tenant: Tenant | null,
  kind: MessageKind,
  channel: NotificationChannel,
  language: 'en' | 'hi',
): Promise<MessageTemplate> {
  if (tenant) {
    const [own] = await db
      .select({ subject: messageTemplates.subject, body: messageTemplates.body })
      .from(messageTemplates)
      .where(
        tenant.where(
          messageTemplates,
          eq(messageTemplates.kind, kind),
          eq(messageTemplates.channel, channel),
          eq(messageTemplates.language, language),
        ),
      );
    if (own) return channel === 'email' ? { subject: own.subject ?? '', body: own.body } : { body: own.body };
  }
  return defaultTemplate(kind, channel, language);
}

function calendarInvitation(
  row: Notification,
  facts: MessageFacts,
  emailFrom: string,
  domain: string,
): MessageAttachment | null {
  const visit = facts.visit;
  if (row.channel !== 'email' || !visit || !isMessageKind(row.kind) || !ICS_KINDS.has(row.kind)) return null;
  const cancelled = row.kind === 'cancellation_notice' || visit.status === 'cancelled';
  const content = appointmentIcs({
    uid: `${visit.id}@${domain}`,
    startsAt: visit.startsAt,
    endsAt: visit.endsAt,
    summary: `${visit.typeName} with ${visit.clinicianName}`,
    description: `${facts.organizationName}: ${visit.typeName} with ${visit.clinicianName} at ${visit.centreName}.`,
    location: visit.videoUrl ?? `${visit.centreName}, ${visit.centreAddress}`,
    organizer: { name: facts.organizationName, email: emailFrom },
    ...(facts.patientName ? { attendee: { name: facts.patientName, email: row.recipient } } : {}),
    method: cancelled ? 'CANCEL' : 'REQUEST',
    sequence: Math.max(0, Math.floor((visit.updatedAt.getTime() - SEQUENCE_EPOCH) / 1000)),
  });
  return {
    filename: cancelled ? 'cancelled-visit.ics' : 'visit.ics',
    contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'REQUEST'}`,
    content,
  };
}

export type RenderDeps = LinkConfig & { db: Database; emailFrom: string };

/** The text (and for visit emails the invitation) of an outbox row, from its template and current facts. */
export async function renderNotification(
  deps: RenderDeps,
  row: Notification,
  secret: Record<string, unknown>,
  facts?: MessageFacts,
): Promise<RenderedMessage> {
  if (!isMessageKind(row.kind)) throw new Error(`Unknown message kind ${row.kind}`);
  const language = isMessageLanguage(row.language) ? row.language : 'en';
  const known = facts ?? (await loadMessageFacts(deps.db, row));
  const tenant = row.organizationId ? tenantOf(row.organizationId) : null;
  const template = await templateFor(deps.db, tenant, row.kind, row.channel, language);
  const values = messageValues(row, secret, known, deps);
  // The values hold every variable of the kind (messageValues), which is what renderMessage asks.
  const message = renderMessage(row.kind, template, values as Parameters<typeof renderMessage>[2]);
  const domain = new URL(deps.bookingUrl).hostname || 'carelane.local';
  const invitation = calendarInvitation(row, known, deps.emailFrom, domain);
  return { subject: message.subject, body: message.body, ...(invitation ? { attachments: [invitation] } : {}) };
}
