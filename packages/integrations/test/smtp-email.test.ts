import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSmtp, startFakeSmtp } from '../src/messaging/fake-smtp';
import { messageIdFor, SmtpEmailChannel, senderAddress } from '../src/messaging/smtp-email';
import { channelFailure } from './channel-failure';

const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Carelane//Tests//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:appointment-1@carelane.test',
  'DTSTAMP:20261122T000000Z',
  'DTSTART:20261123T050000Z',
  'DTEND:20261123T053000Z',
  'SUMMARY:Visit with Dr Rao',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const message = {
  notificationId: '7d1f1c2e-0000-4000-8000-000000000003',
  idempotencyKey: 'booking-confirmation:7d1f1c2e-0003',
  channel: 'email' as const,
  recipient: 'asha@example.test',
  subject: 'Your visit is booked',
  body: 'Asha, your visit with Dr Rao is on 23 Nov at 10:30.',
};
const from = '"Sunrise Clinic" <no-reply@sunrise.example>';

let smtp: FakeSmtp;
let guarded: FakeSmtp;
let channel: SmtpEmailChannel;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  guarded = await startFakeSmtp({ auth: { user: 'carelane', pass: 'right' } });
  channel = new SmtpEmailChannel({ host: smtp.host, port: smtp.port, secure: false, from });
});
afterAll(async () => {
  await Promise.all([smtp.close(), guarded.close()]);
});

describe('SmtpEmailChannel against the fake SMTP server', () => {
  it('delivers the text with a Message-ID from the idempotency key and the notification id as header', async () => {
    const { providerMessageId } = await channel.send(message);
    expect(providerMessageId).toBe(messageIdFor(message.idempotencyKey, 'sunrise.example'));
    expect(providerMessageId).toMatch(/^<[0-9a-f]{40}@sunrise\.example>$/);
    const email = await smtp.waitFor((one) => one.messageId === providerMessageId);
    expect(email).toMatchObject({
      envelopeFrom: 'no-reply@sunrise.example',
      envelopeTo: ['asha@example.test'],
      from: 'no-reply@sunrise.example',
      to: ['asha@example.test'],
      subject: 'Your visit is booked',
      attachments: [],
    });
    expect(email.text.trim()).toBe(message.body);
    expect(email.headers['x-carelane-notification']).toBe(message.notificationId);
  });

  it('carries an ICS attachment that arrives as text/calendar with its content', async () => {
    const notificationId = '7d1f1c2e-0000-4000-8000-000000000004';
    await channel.send({
      ...message,
      notificationId,
      idempotencyKey: `ics:${notificationId}`,
      attachments: [{ filename: 'visit.ics', contentType: 'text/calendar; method=REQUEST', content: ics }],
    });
    const email = await smtp.waitFor((one) => one.headers['x-carelane-notification'] === notificationId);
    expect(email.attachments).toHaveLength(1);
    const [file] = email.attachments;
    expect(file?.filename).toBe('visit.ics');
    expect(file?.contentType).toBe('text/calendar');
    expect(file?.content.toString('utf8')).toBe(ics);
  });

  it('waitFor also waits for a message still to come', async () => {
    const notificationId = '7d1f1c2e-0000-4000-8000-000000000005';
    const arriving = smtp.waitFor((one) => one.headers['x-carelane-notification'] === notificationId);
    await channel.send({ ...message, notificationId, idempotencyKey: `later:${notificationId}` });
    await expect(arriving).resolves.toMatchObject({ subject: message.subject });
  });

  it('a retry with the same idempotency key is accepted but not received twice', async () => {
    const once = { ...message, idempotencyKey: 'reminder-2h:smtp-repeat' };
    const first = await channel.send(once);
    await smtp.waitFor((one) => one.messageId === first.providerMessageId);
    const count = smtp.messages.length;
    const again = await channel.send(once);
    expect(again).toEqual(first);
    await channel.send({ ...once, idempotencyKey: 'reminder-2h:smtp-other' });
    expect(smtp.messages).toHaveLength(count + 1);
    expect(smtp.messages.filter((one) => one.messageId === first.providerMessageId)).toHaveLength(1);
  });

  it('logs in when the server asks, and a wrong password is an unauthorized error', async () => {
    const right = new SmtpEmailChannel({ ...guarded, secure: false, user: 'carelane', pass: 'right', from });
    await right.send(message);
    expect(guarded.messages).toHaveLength(1);
    const wrong = new SmtpEmailChannel({ ...guarded, secure: false, user: 'carelane', pass: 'wrong', from });
    const error = await channelFailure(wrong.send(message));
    expect(error).toMatchObject({ kind: 'unauthorized', statusCode: 535, code: 'EAUTH', retryable: false });
    expect(guarded.messages).toHaveLength(1);
  });

  it('a 4xx reply is retryable, a 5xx is permanent, and neither carries the address or the text', async () => {
    const before = smtp.messages.length;
    smtp.failNext(1, 451);
    const later = await channelFailure(channel.send(message));
    expect(later).toMatchObject({ kind: 'server', statusCode: 451, retryable: true });
    smtp.failNext(1, 550);
    const never = await channelFailure(channel.send(message));
    expect(never).toMatchObject({ kind: 'rejected', statusCode: 550, retryable: false });
    for (const error of [later, never]) {
      expect(error.message).not.toContain('asha');
      expect(error.message).not.toContain('Dr Rao');
    }
    expect(smtp.messages.length).toBe(before);
  });

  it('a server that does not answer in time is a retryable timeout', async () => {
    const slow = new SmtpEmailChannel({ host: smtp.host, port: smtp.port, secure: false, from, timeoutMs: 300 });
    smtp.delayNext(1, 1_500);
    const error = await channelFailure(slow.send(message));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('a server that is not there is a retryable network error', async () => {
    const gone = new SmtpEmailChannel({ host: '127.0.0.1', port: 9, secure: false, from, timeoutMs: 1_000 });
    const error = await channelFailure(gone.send(message));
    expect(error.retryable).toBe(true);
    expect(error.kind).toBe('network');
  });
});

describe('senderAddress', () => {
  it('reads the address of a named or bare sender', () => {
    expect(senderAddress('"Sunrise Clinic" <no-reply@sunrise.example>')).toBe('no-reply@sunrise.example');
    expect(senderAddress('no-reply@sunrise.example')).toBe('no-reply@sunrise.example');
    expect(senderAddress('Sunrise Clinic')).toBeNull();
    expect(senderAddress('')).toBeNull();
  });
});
