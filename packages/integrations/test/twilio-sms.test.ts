import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../src/messaging/fake-twilio';
import { verifyTwilioSignature } from '../src/messaging/twilio-signature';
import { TwilioSmsChannel } from '../src/messaging/twilio-sms';
import { channelFailure } from './channel-failure';

const account = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'auth-token-for-tests' };
const message = {
  notificationId: '7d1f1c2e-0000-4000-8000-000000000001',
  idempotencyKey: 'reminder-24h:7d1f1c2e-0001',
  channel: 'sms' as const,
  recipient: '+919876543210',
  body: '123456 is your Carelane sign-in code.',
};

type Received = { params: Record<string, string>; signature: string };
let received: Received[] = [];
let receiver: Server;
let callbackUrl: string;
let fake: FakeTwilio;
let channel: TwilioSmsChannel;

beforeAll(async () => {
  receiver = createServer(async (request, response) => {
    const params = Object.fromEntries(new URLSearchParams(await text(request)));
    received.push({ params, signature: String(request.headers['x-twilio-signature']) });
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/twilio?org=1`;
  fake = await startFakeTwilio(account);
  channel = new TwilioSmsChannel({
    ...account,
    from: '+15005550006',
    statusCallbackUrl: callbackUrl,
    baseUrl: fake.url,
  });
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  received = [];
});

describe('TwilioSmsChannel against the fake Twilio server', () => {
  it('sends an SMS, returns its sid, and gets a signed delivery callback', async () => {
    const { providerMessageId } = await channel.send(message);
    expect(providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    const sms = fake.messages.find((one) => one.sid === providerMessageId);
    expect(sms).toMatchObject({
      to: '+919876543210',
      from: '+15005550006',
      body: message.body,
      statusCallback: callbackUrl,
    });
    await fake.settled();
    expect(received).toHaveLength(1);
    const [callback] = received;
    expect(callback?.params).toMatchObject({ MessageSid: providerMessageId, MessageStatus: 'delivered' });
    expect(callback && verifyTwilioSignature(callbackUrl, callback.params, callback.signature, account.authToken)).toBe(
      true,
    );
  });

  it('posts a failed status with the signature of its own parameters', async () => {
    const { providerMessageId } = await channel.send(message);
    await fake.settled();
    received = [];
    await fake.setStatus(providerMessageId, 'failed');
    const [callback] = received;
    expect(callback?.params).toMatchObject({
      MessageSid: providerMessageId,
      MessageStatus: 'failed',
      ErrorCode: '30003',
    });
    expect(callback && verifyTwilioSignature(callbackUrl, callback.params, callback.signature, account.authToken)).toBe(
      true,
    );
    const tampered = { ...callback?.params, MessageStatus: 'delivered' };
    expect(callback && verifyTwilioSignature(callbackUrl, tampered, callback.signature, account.authToken)).toBe(false);
  });

  it('a wrong auth token is an unauthorized error that is not retried', async () => {
    const wrong = new TwilioSmsChannel({ ...account, authToken: 'wrong', from: '+15005550006', baseUrl: fake.url });
    const error = await channelFailure(wrong.send(message));
    expect(error).toMatchObject({ kind: 'unauthorized', statusCode: 401, code: '20003', retryable: false });
  });

  it('a provider 500 is retryable, a 400 is permanent, and neither carries the text or the number', async () => {
    const before = fake.messages.length;
    fake.failNext(1, 500);
    const server = await channelFailure(channel.send(message));
    expect(server).toMatchObject({ kind: 'server', statusCode: 500, code: '20500', retryable: true });
    fake.failNext(1, 400);
    const rejected = await channelFailure(channel.send(message));
    expect(rejected).toMatchObject({ kind: 'rejected', statusCode: 400, code: '21610', retryable: false });
    for (const error of [server, rejected]) {
      expect(error.message).not.toContain('9876543210');
      expect(error.message).not.toContain('sign-in');
    }
    expect(fake.messages.length).toBe(before);
    await expect(channel.send(message)).resolves.toMatchObject({ providerMessageId: expect.any(String) });
  });

  it('an invalid number is rejected by the provider with its code', async () => {
    const error = await channelFailure(channel.send({ ...message, recipient: '98765', idempotencyKey: 'bad-number' }));
    expect(error).toMatchObject({ kind: 'rejected', code: '21211' });
  });

  it('a repeated idempotency key gets the first sid back and sends nothing new', async () => {
    const once = { ...message, idempotencyKey: 'reminder-2h:twilio-repeat' };
    const first = await channel.send(once);
    const count = fake.messages.length;
    const again = await channel.send(once);
    expect(again.providerMessageId).toBe(first.providerMessageId);
    expect(fake.messages).toHaveLength(count);
    expect(fake.messages.find((one) => one.sid === first.providerMessageId)?.idempotencyKey).toBe(once.idempotencyKey);
    const other = await channel.send({ ...once, idempotencyKey: 'reminder-2h:twilio-other' });
    expect(other.providerMessageId).not.toBe(first.providerMessageId);
  });

  it('a request that failed leaves its key free, so the retry sends the message once', async () => {
    const once = { ...message, idempotencyKey: 'reminder-2h:twilio-after-500' };
    const count = fake.messages.length;
    fake.failNext(1, 500);
    await channelFailure(channel.send(once));
    const retried = await channel.send(once);
    expect(await channel.send(once)).toEqual(retried);
    expect(fake.messages).toHaveLength(count + 1);
  });

  it('a provider that does not answer in time is a retryable timeout', async () => {
    const slow = new TwilioSmsChannel({ ...account, from: '+15005550006', baseUrl: fake.url, timeoutMs: 200 });
    fake.delayNext(1, 1_000);
    const error = await channelFailure(slow.send(message));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('a server that is not there is a retryable network error', async () => {
    const gone = new TwilioSmsChannel({ ...account, from: '+15005550006', baseUrl: 'http://127.0.0.1:9' });
    const error = await channelFailure(gone.send(message));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });
});

describe('verifyTwilioSignature', () => {
  // Twilio's documented request-validation example (auth token 12345); the expected value was
  // recomputed independently with `openssl dgst -sha1 -hmac 12345 -binary | base64`.
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+14158675309',
    Digits: '1234',
    From: '+14158675309',
    To: '+18005551212',
  };
  const signature = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

  it('accepts the known vector whatever the order of the parameters', () => {
    expect(verifyTwilioSignature(url, params, signature, '12345')).toBe(true);
    const reversed = Object.fromEntries(Object.entries(params).reverse());
    expect(verifyTwilioSignature(url, reversed, signature, '12345')).toBe(true);
  });

  it('rejects a tampered parameter, URL, token or signature', () => {
    expect(verifyTwilioSignature(url, { ...params, Digits: '9999' }, signature, '12345')).toBe(false);
    expect(verifyTwilioSignature(`${url}&x=1`, params, signature, '12345')).toBe(false);
    expect(verifyTwilioSignature(url, params, signature, '54321')).toBe(false);
    expect(verifyTwilioSignature(url, params, 'RSOYDt4T1cUTdK1PDd93/VVr8B8', '12345')).toBe(false);
    expect(verifyTwilioSignature(url, params, '', '12345')).toBe(false);
  });
});
