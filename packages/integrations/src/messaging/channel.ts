import type { NotificationChannel } from '@carelane/core';

export type OutgoingMessage = {
  notificationId: string;
  channel: NotificationChannel;
  recipient: string;
  subject?: string | undefined;
  body: string;
};

/** One delivery provider (an SMS gateway, WhatsApp, SMTP, or the local development channel). */
export interface MessageChannel {
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

export type MessageChannels = Record<NotificationChannel, MessageChannel>;
