import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeGallabox, startFakeGallabox } from './fake-gallabox';
import { sendJson } from './fake-http';
import { type FakeSmtp, startFakeSmtp } from './fake-smtp';
import { type FakeTwilio, startFakeTwilio } from './fake-twilio';
import { INLINE_ATTACHMENT_BYTES, type InboxMessage } from './inbox';

export type FakeMessagingOptions = {
  /** Where the fakes post delivery status: the dashboard's public origin. */
  dashboardUrl: string;
  /** Credentials the fakes accept (free strings; derived from the app secret by `pnpm start`). */
  twilioAuthToken: string;
  gallaboxApiSecret: string;
  gallaboxWebhookSecret: string;
  host?: string;
};

export type FakeMessaging = {
  smtp: FakeSmtp;
  twilio: FakeTwilio;
  gallabox: FakeGallabox;
  /** `GET <inboxUrl>/inbox`: every message received, newest first (JSON). */
  inboxUrl: string;
  /** The provider variables that send through the fakes, for the apps and the worker. */
  env: Record<string, string>;
  inbox(): InboxMessage[];
  close(): Promise<void>;
};

export function inboxOf(smtp: FakeSmtp, twilio: FakeTwilio, gallabox: FakeGallabox): InboxMessage[] {
  const emails: InboxMessage[] = smtp.messages.map((email) => ({
    channel: 'email',
    provider: 'smtp',
    providerMessageId: email.messageId ?? '',
    to: email.to.join(', '),
    subject: email.subject,
    body: email.text,
    attachments: email.attachments.map((file) => ({
      filename: file.filename,
      contentType: file.contentType,
      size: file.content.length,
      contentBase64: file.content.length <= INLINE_ATTACHMENT_BYTES ? file.content.toString('base64') : null,
    })),
    receivedAt: email.receivedAt.toISOString(),
    status: 'received',
  }));
  const sms: InboxMessage[] = twilio.messages.map((one) => ({
    channel: 'sms',
    provider: 'twilio',
    providerMessageId: one.sid,
    to: one.to,
    subject: null,
    body: one.body,
    attachments: [],
    receivedAt: one.createdAt.toISOString(),
    status: one.status,
  }));
  const whatsapp: InboxMessage[] = gallabox.messages.map((one) => ({
    channel: 'whatsapp',
    provider: 'gallabox',
    providerMessageId: one.id,
    to: `+${one.phone}`,
    subject: null,
    body: one.body,
    attachments: [],
    receivedAt: one.createdAt.toISOString(),
    status: one.status,
  }));
  return [...emails, ...sms, ...whatsapp].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}

/**
 * The three provider fakes for development, on free ports, plus one read-only inbox endpoint, so
 * `pnpm start` delivers through the real adapters and a developer sees what "went out".
 */
export async function startFakeMessaging(options: FakeMessagingOptions): Promise<FakeMessaging> {
  const host = options.host ?? '127.0.0.1';
  const origin = options.dashboardUrl.replace(/\/$/, '');
  const accountSid = 'AC_carelane_local';
  const gallaboxKeys = { apiKey: 'carelane-local', apiSecret: options.gallaboxApiSecret, channelId: 'carelane-local' };
  const smtp = await startFakeSmtp({ host });
  const twilio = await startFakeTwilio({ accountSid, authToken: options.twilioAuthToken, host });
  const gallabox = await startFakeGallabox({
    ...gallaboxKeys,
    host,
    webhookUrl: `${origin}/api/webhooks/gallabox?secret=${encodeURIComponent(options.gallaboxWebhookSecret)}`,
  });
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/inbox')
      return sendJson(response, 200, inboxOf(smtp, twilio, gallabox));
    sendJson(response, 404, { message: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const inboxUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    smtp,
    twilio,
    gallabox,
    inboxUrl,
    env: {
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      EMAIL_FROM: '"Carelane (development)" <no-reply@carelane.local>',
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_AUTH_TOKEN: options.twilioAuthToken,
      TWILIO_FROM: '+15005550006',
      TWILIO_BASE_URL: twilio.url,
      TWILIO_STATUS_CALLBACK_URL: `${origin}/api/webhooks/twilio/status`,
      GALLABOX_API_KEY: gallaboxKeys.apiKey,
      GALLABOX_API_SECRET: gallaboxKeys.apiSecret,
      GALLABOX_CHANNEL_ID: gallaboxKeys.channelId,
      GALLABOX_BASE_URL: gallabox.url,
      GALLABOX_WEBHOOK_SECRET: options.gallaboxWebhookSecret,
      MESSAGING_INBOX_URL: inboxUrl,
    },
    inbox: () => inboxOf(smtp, twilio, gallabox),
    async close() {
      server.closeAllConnections();
      await Promise.all([
        smtp.close(),
        twilio.close(),
        gallabox.close(),
        new Promise<void>((resolve) => server.close(() => resolve())),
      ]);
    },
  };
}
