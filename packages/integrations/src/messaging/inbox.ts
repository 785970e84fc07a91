import type { NotificationChannel } from '@carelane/core';

/** Attachments up to this size travel inline in the inbox (an ICS is a few hundred bytes). */
export const INLINE_ATTACHMENT_BYTES = 256 * 1024;

export type InboxAttachment = {
  filename: string | null;
  contentType: string;
  size: number;
  /** The content, base64, when small enough to carry inline; else null. */
  contentBase64: string | null;
};

/** One message a fake provider received, as the development inbox shows it. */
export type InboxMessage = {
  channel: NotificationChannel;
  provider: 'smtp' | 'twilio' | 'gallabox';
  /** The provider's id: the sid, Gallabox's id, or the Message-ID. */
  providerMessageId: string;
  to: string;
  subject: string | null;
  body: string;
  attachments: InboxAttachment[];
  receivedAt: string;
  status: string;
};

/** Reads a fake inbox (the dashboard's /dev/outbox); null when it cannot be reached. */
export async function readFakeInbox(inboxUrl: string): Promise<InboxMessage[] | null> {
  try {
    const response = await fetch(`${inboxUrl.replace(/\/$/, '')}/inbox`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return null;
    return (await response.json()) as InboxMessage[];
  } catch {
    return null;
  }
}
