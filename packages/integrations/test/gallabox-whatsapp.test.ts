import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeGallabox, startFakeGallabox } from '../src/messaging/fake-gallabox';
import { GallaboxWhatsAppChannel } from '../src/messaging/gallabox-whatsapp';
import { channelFailure } from './channel-failure';

const keys = { apiKey: 'gallabox-key', apiSecret: 'gallabox-secret', channelId: '64f0c0ffee0123456789abcd' };
const message = {
  notificationId: '7d1f1c2e-0000-4000-8000-000000000002',
  idempotencyKey: 'reminder-24h:7d1f1c2e-0002',
  channel: 'whatsapp' as const,
  recipient: '+919876543210',
  body: 'Your visit with Dr Rao is tomorrow at 10:30.',
};

let events: Record<string, unknown>[] = [];
let receiver: Server;
let fake: FakeGallabox;
let channel: GallaboxWhatsAppChannel;

beforeAll(async () => {
  receiver = createServer(async (request, response) => {
    events.push(JSON.parse(await text(request)) as Record<string, unknown>);
    response.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/gallabox`;
  fake = await startFakeGallabox({ ...keys, webhookUrl });
  channel = new GallaboxWhatsAppChannel({ ...keys, baseUrl: fake.url });
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  events = [];
});

describe('GallaboxWhatsAppChannel against the fake Gallabox server', () => {
  it('sends a text message to the number without its plus sign and gets a delivery webhook', async () => {
    const { providerMessageId } = await channel.send(message);
    expect(fake.messages.find((one) => one.id === providerMessageId)).toMatchObject({
      phone: '919876543210',
      body: message.body,
    });
    await fake.settled();
    expect(events).toEqual([
      expect.objectContaining({
        event: 'Message.Status',
        message: expect.objectContaining({ id: providerMessageId, status: 'delivered' }),
      }),
    ]);
    await fake.setStatus(providerMessageId, 'failed');
    expect(events[1]).toMatchObject({ message: { id: providerMessageId, status: 'failed' } });
  });

  it('a wrong secret is an unauthorized error that is not retried', async () => {
    const wrong = new GallaboxWhatsAppChannel({ ...keys, apiSecret: 'wrong', baseUrl: fake.url });
    const error = await channelFailure(wrong.send(message));
    expect(error).toMatchObject({ kind: 'unauthorized', statusCode: 401, code: 'UNAUTHORIZED', retryable: false });
  });

  it('a provider 500 is retryable, a 400 is permanent, and neither carries the text or the number', async () => {
    const before = fake.messages.length;
    fake.failNext(1, 500);
    const server = await channelFailure(channel.send(message));
    expect(server).toMatchObject({ kind: 'server', statusCode: 500, retryable: true });
    fake.failNext(1, 400);
    const rejected = await channelFailure(channel.send(message));
    expect(rejected).toMatchObject({ kind: 'rejected', statusCode: 400, code: 'RECIPIENT_BLOCKED', retryable: false });
    for (const error of [server, rejected]) {
      expect(error.message).not.toContain('9876543210');
      expect(error.message).not.toContain('Dr Rao');
    }
    expect(fake.messages.length).toBe(before);
  });

  it('an unknown channel id is rejected with the provider code', async () => {
    const other = new GallaboxWhatsAppChannel({ ...keys, channelId: 'another', baseUrl: fake.url });
    const error = await channelFailure(other.send({ ...message, idempotencyKey: 'other-channel' }));
    expect(error).toMatchObject({ kind: 'rejected', code: 'INVALID_CHANNEL' });
  });

  it('a repeated idempotency key gets the first id back and sends nothing new', async () => {
    const once = { ...message, idempotencyKey: 'reminder-2h:gallabox-repeat' };
    const first = await channel.send(once);
    const count = fake.messages.length;
    const again = await channel.send(once);
    expect(again.providerMessageId).toBe(first.providerMessageId);
    expect(fake.messages).toHaveLength(count);
    expect(fake.messages.find((one) => one.id === first.providerMessageId)?.idempotencyKey).toBe(once.idempotencyKey);
    const other = await channel.send({ ...once, idempotencyKey: 'reminder-2h:gallabox-other' });
    expect(other.providerMessageId).not.toBe(first.providerMessageId);
  });

  it('a provider that does not answer in time is a retryable timeout', async () => {
    const slow = new GallaboxWhatsAppChannel({ ...keys, baseUrl: fake.url, timeoutMs: 200 });
    fake.delayNext(1, 1_000);
    const error = await channelFailure(slow.send(message));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
  });
});
