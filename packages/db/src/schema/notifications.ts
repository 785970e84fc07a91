import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns';
import { notificationChannel, notificationStatus } from './enums';
import { organizations } from './organizations';

/**
 * The notifications outbox: written in the same transaction as the change that causes it,
 * delivered by the worker. `sealedPayload` holds secrets (OTP codes) encrypted with the app
 * secret and is wiped once delivered.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    channel: notificationChannel('channel').notNull(),
    template: text('template').notNull(),
    recipient: text('recipient').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    sealedPayload: text('sealed_payload'),
    status: notificationStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    providerMessageId: text('provider_message_id'),
    error: text('error'),
    patientId: uuid('patient_id'),
    appointmentId: uuid('appointment_id'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [index('notifications_due_idx').on(t.status, t.nextAttemptAt)],
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
