import type { InboxAttachment, InboxMessage } from '@carelane/integrations/messaging/providers';

/** One message in the development inbox, whether the local channel or a fake provider took it. */
export type DevMessage = {
  key: string;
  channel: 'email' | 'sms' | 'whatsapp';
  via: string;
  to: string;
  subject: string | null;
  body: string;
  attachments: InboxAttachment[];
  receivedAt: Date;
  status: string | null;
};

type LocalRow = {
  id: string;
  channel: 'email' | 'sms' | 'whatsapp';
  recipient: string;
  subject: string | null;
  body: string;
  createdAt: Date;
};

export function fromLocal(rows: LocalRow[]): DevMessage[] {
  return rows.map((row) => ({
    key: `local-${row.id}`,
    channel: row.channel,
    via: 'local channel',
    to: row.recipient,
    subject: row.subject,
    body: row.body,
    attachments: [],
    receivedAt: row.createdAt,
    status: null,
  }));
}

export function fromFakes(inbox: InboxMessage[]): DevMessage[] {
  return inbox.map((one, index) => ({
    key: `${one.provider}-${one.providerMessageId}-${index}`,
    channel: one.channel,
    via: `fake ${one.provider === 'smtp' ? 'SMTP' : one.provider === 'twilio' ? 'Twilio' : 'Gallabox'}`,
    to: one.to,
    subject: one.subject,
    body: one.body,
    attachments: one.attachments,
    receivedAt: new Date(one.receivedAt),
    status: one.status,
  }));
}

/** How an attachment is named in the inbox: an ICS file is a calendar invitation. */
export function attachmentLabel(file: InboxAttachment): string {
  const name = file.filename ?? 'attachment';
  if (file.contentType.startsWith('text/calendar') || name.toLowerCase().endsWith('.ics')) {
    return 'Calendar invitation (.ics)';
  }
  return `${name} (${file.contentType})`;
}
