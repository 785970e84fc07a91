import type { NotificationChannel } from '@carelane/core';

/** A file sent with an email (a booking's ICS invitation); other channels ignore attachments. */
export type MessageAttachment = { filename: string; contentType: string; content: string | Buffer };

export type OutgoingMessage = {
  notificationId: string;
  /**
   * The outbox row's idempotency key: the same on every attempt at this message, so a provider
   * that deduplicates by it sends one message however often the worker retries.
   */
  idempotencyKey: string;
  channel: NotificationChannel;
  recipient: string;
  subject?: string | undefined;
  body: string;
  attachments?: MessageAttachment[] | undefined;
};

/** One delivery provider (an SMS gateway, WhatsApp, SMTP, or the local development channel). */
export interface MessageChannel {
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

export type MessageChannels = Record<NotificationChannel, MessageChannel>;
