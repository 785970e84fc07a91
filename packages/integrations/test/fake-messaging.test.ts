import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageChannels } from '../src/messaging/channel';
import { messagingConfigFromEnv, providerChannels } from '../src/messaging/config';
import { type FakeMessaging, startFakeMessaging } from '../src/messaging/fake-messaging';
import { readFakeInbox } from '../src/messaging/inbox';

let fakes: FakeMessaging;
let channels: MessageChannels;

beforeAll(async () => {
  // Nothing listens there: status callbacks fail quietly, as when the dashboard is still starting.
  fakes = await startFakeMessaging({
    dashboardUrl: 'http://127.0.0.1:9',
    twilioAuthToken: 'token',
    gallaboxApiSecret: 'secret',
    gallaboxWebhookSecret: 'hook-secret',
  });
  const unused = { name: 'unused', send: () => Promise.reject(new Error('not a fake')) };
  channels = providerChannels(messagingConfigFromEnv(fakes.env, 'test'), {
    email: unused,
    sms: unused,
    whatsapp: unused,
  });
});
afterAll(async () => {
  await fakes.close();
});

describe('startFakeMessaging', () => {
  it('gives env variables that send through the real adapters, and an inbox of what arrived, newest first', async () => {
    const base = { notificationId: '00000000-0000-4000-8000-000000000009', recipient: '+919876543210' };
    await channels.sms.send({ ...base, idempotencyKey: 'a', channel: 'sms', body: 'SMS text' });
    await channels.whatsapp.send({ ...base, idempotencyKey: 'b', channel: 'whatsapp', body: 'WhatsApp text' });
    await channels.email.send({
      ...base,
      idempotencyKey: 'c',
      channel: 'email',
      recipient: 'asha@example.test',
      subject: 'Booked',
      body: 'Email text',
      attachments: [
        { filename: 'visit.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
      ],
    });
    await fakes.smtp.waitFor((one) => one.subject === 'Booked');
    const inbox = await readFakeInbox(fakes.inboxUrl);
    expect(inbox?.map((one) => one.channel).sort()).toEqual(['email', 'sms', 'whatsapp']);
    expect((inbox?.[0]?.receivedAt ?? '') >= (inbox?.[2]?.receivedAt ?? '')).toBe(true);
    const email = inbox?.find((one) => one.channel === 'email');
    expect(email).toMatchObject({ to: 'asha@example.test', subject: 'Booked', provider: 'smtp' });
    expect(email?.attachments).toEqual([
      expect.objectContaining({
        filename: 'visit.ics',
        contentType: 'text/calendar',
        contentBase64: expect.any(String),
      }),
    ]);
    expect(inbox?.find((one) => one.channel === 'whatsapp')).toMatchObject({
      to: '+919876543210',
      body: 'WhatsApp text',
    });
    expect(fakes.env.TWILIO_STATUS_CALLBACK_URL).toBe('http://127.0.0.1:9/api/webhooks/twilio/status');
  });

  it('an inbox that cannot be reached reads as null', async () => {
    expect(await readFakeInbox('http://127.0.0.1:9')).toBeNull();
  });
});
