import type { NotificationChannel } from '@carelane/core';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, nullableOrganizationRef, organizationRef, updatedAt } from './columns';
import { notificationChannel, notificationStatus } from './enums';
import { staffUsers } from './staff';

/** Where a message goes next when its channel gives up, decided (with consent) when it was written. */
export type NotificationFallback = { channel: NotificationChannel; recipient: string };

/**
 * The notifications outbox: written in the same transaction as the change that causes it,
 * delivered by the worker. `sealedPayload` holds secrets (OTP codes) encrypted with the app
 * secret and is wiped once delivered. `idempotencyKey` names the message itself (the 24-hour
 * reminder of this visit at this time, by SMS), so writing it twice keeps one row, and it travels
 * with every provider call. The text is rendered at delivery from the organization's template and
 * the current data; what went out is kept (never for kinds that carry a secret).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    organizationId: nullableOrganizationRef(),
    channel: notificationChannel('channel').notNull(),
    /** A MessageKind of @carelane/core. */
    kind: text('kind').notNull(),
    /** A MessageLanguage: the patient's language when the message was written. */
    language: text('language').notNull().default('en'),
    idempotencyKey: text('idempotency_key').notNull(),
    recipient: text('recipient').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    sealedPayload: text('sealed_payload'),
    status: notificationStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the message is planned to go (a reminder's time); retries move nextAttemptAt only. */
    sendAt: instant('send_at').notNull().defaultNow(),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    /** Set when the worker queued a delivery job for it (pg-boss); cleared when it must be queued again. */
    queuedAt: instant('queued_at'),
    /** A claimed ('sending') message belongs to its worker until then; after it, another may retry. */
    leaseUntil: instant('lease_until'),
    fallback: jsonb('fallback').$type<NotificationFallback[]>().notNull().default([]),
    providerMessageId: text('provider_message_id'),
    /** The provider's latest word on it from a status callback: delivered, read, undelivered, failed. */
    deliveryStatus: text('delivery_status'),
    deliveredAt: instant('delivered_at'),
    error: text('error'),
    subject: text('subject'),
    body: text('body'),
    patientId: uuid('patient_id'),
    appointmentId: uuid('appointment_id'),
    /** A notice to a staff member (a patient booked online) rather than to a patient. */
    staffUserId: uuid('staff_user_id').references(() => staffUsers.id),
    /** The message this one resends, and who asked. */
    resentFromId: uuid('resent_from_id'),
    createdById: uuid('created_by_id').references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('notifications_due_idx').on(t.status, t.nextAttemptAt),
    uniqueIndex('notifications_idempotency_key').on(t.idempotencyKey),
    index('notifications_org_created_idx').on(t.organizationId, t.createdAt),
    index('notifications_patient_idx').on(t.patientId, t.createdAt),
    index('notifications_appointment_idx').on(t.appointmentId),
    index('notifications_provider_id_idx').on(t.providerMessageId).where(sql`${t.providerMessageId} is not null`),
  ],
);

/**
 * One try at the provider: written before the call (outcome 'in_flight') and finished after it,
 * so a worker killed mid-call leaves a trace the Messages page shows.
 */
export const notificationAttempts = pgTable(
  'notification_attempts',
  {
    id: id(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    attempt: integer('attempt').notNull(),
    channel: notificationChannel('channel').notNull(),
    /** The adapter that tried: twilio, gallabox, smtp, local. */
    provider: text('provider').notNull(),
    /** in_flight, sent, failed (will retry), rejected (the provider refused it), gave_up. */
    outcome: text('outcome').notNull().default('in_flight'),
    error: text('error'),
    providerMessageId: text('provider_message_id'),
    startedAt: instant('started_at').notNull().defaultNow(),
    finishedAt: instant('finished_at'),
  },
  (t) => [index('notification_attempts_notification_idx').on(t.notificationId, t.attempt)],
);

/**
 * An organization's wording of one kind of message on one channel in one language. Without a
 * row, the default in @carelane/core applies. Saved only when checkTemplate passes.
 */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: id(),
    organizationId: organizationRef(),
    kind: text('kind').notNull(),
    channel: notificationChannel('channel').notNull(),
    language: text('language').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    updatedById: uuid('updated_by_id').references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('message_templates_key').on(t.organizationId, t.kind, t.channel, t.language)],
);

/**
 * What the local (development/test) messaging channel "delivered": the stand-in for a phone or
 * inbox. Read by the dashboard's /dev/outbox page and by tests. Never used in production.
 */
export const localChannelMessages = pgTable(
  'local_channel_messages',
  {
    id: id(),
    notificationId: uuid('notification_id').references(() => notifications.id),
    channel: notificationChannel('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('local_channel_messages_recipient_idx').on(t.recipient, t.createdAt)],
);
