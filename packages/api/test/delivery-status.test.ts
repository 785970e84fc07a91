import type { Server } from 'node:http';
import { auditLog, notifications } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import {
  type FakeGallabox,
  type FakeTwilio,
  GallaboxWhatsAppChannel,
  startFakeGallabox,
  startFakeTwilio,
  TwilioSmsChannel,
  twilioSignature,
} from '@carelane/integrations/messaging';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createGallaboxWebhookHandler, createTwilioStatusHandler } from '../src/http/messaging-webhooks';
import { recordDeliveryStatus } from '../src/messaging/delivery-status';
import { createClinic, serveRequests } from './fixtures';

const TWILIO = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'status-token-for-tests' };
const GALLABOX = { apiKey: 'key', apiSecret: 'secret', channelId: 'channel-1' };
const WEBHOOK_SECRET = 'gallabox-webhook-secret-for-tests';

let t: TestDatabase;
let organizationId: string;
let twilioHook: { url: string; server: Server };
let gallaboxHook: { url: string; server: Server };
let callbackUrl: string;
let fakeTwilio: FakeTwilio;
let fakeGallabox: FakeGallabox;
let counter = 0;

async function sentMessage(channel: 'sms' | 'whatsapp', providerMessageId: string) {
  const [row] = await t.db
    .insert(notifications)
    .values({
      organizationId,
      channel,
      kind: 'appointment_reminder',
      idempotencyKey: `delivery-status-test-${counter++}`,
      recipient: '+919876543210',
      status: 'sent',
      providerMessageId,
      sentAt: new Date(),
    })
    .returning();
  if (!row) throw new Error('no row');
  return row;
}

async function load(id: string) {
  const [row] = await t.db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute));

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  organizationId = (await createClinic(t.db)).org.id;
  twilioHook = await serveRequests(
    createTwilioStatusHandler(async () => ({ db: t.db, twilio: { authToken: TWILIO.authToken, callbackUrl } })),
  );
  callbackUrl = `${twilioHook.url}/api/webhooks/twilio/status`;
  gallaboxHook = await serveRequests(
    createGallaboxWebhookHandler(async () => ({ db: t.db, webhookSecret: WEBHOOK_SECRET })),
  );
  fakeTwilio = await startFakeTwilio({ ...TWILIO, autoStatus: null });
  fakeGallabox = await startFakeGallabox({
    ...GALLABOX,
    autoStatus: null,
    webhookUrl: `${gallaboxHook.url}/api/webhooks/gallabox?secret=${WEBHOOK_SECRET}`,
  });
});
afterAll(async () => {
  await Promise.all([fakeTwilio.close(), fakeGallabox.close()]);
  await Promise.all([twilioHook, gallaboxHook].map(({ server }) => new Promise((resolve) => server.close(resolve))));
  await t.close();
});

describe('recordDeliveryStatus', () => {
  it('moves forward only: a late "sent" after "delivered" changes nothing, "read" still counts', async () => {
    const row = await sentMessage('sms', 'SMordering');
    const report = { provider: 'twilio' as const, providerMessageId: 'SMordering' };
    expect(await recordDeliveryStatus(t.db, { ...report, status: 'delivered', at: at(1) })).toBe('updated');
    expect(await recordDeliveryStatus(t.db, { ...report, status: 'sent', at: at(0) })).toBe('unchanged');
    expect(await load(row.id)).toMatchObject({ deliveryStatus: 'delivered', deliveredAt: at(1), status: 'sent' });
    expect(await recordDeliveryStatus(t.db, { ...report, status: 'read', at: at(5) })).toBe('updated');
    expect(await recordDeliveryStatus(t.db, { ...report, status: 'failed', errorCode: '30003', at: at(6) })).toBe(
      'unchanged',
    );
    expect(await load(row.id)).toMatchObject({
      deliveryStatus: 'read',
      deliveredAt: at(1),
      status: 'sent',
      error: null,
    });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'notification'), eq(auditLog.entityId, row.id)));
    expect(entries.map((one) => one.action)).toEqual(['notification.delivery_status', 'notification.delivery_status']);
  });

  it('a failure after we counted it sent marks the message failed with a plain reason', async () => {
    const row = await sentMessage('sms', 'SMfailed');
    await recordDeliveryStatus(t.db, { provider: 'twilio', providerMessageId: 'SMfailed', status: 'sent', at: at(0) });
    await recordDeliveryStatus(t.db, {
      provider: 'twilio',
      providerMessageId: 'SMfailed',
      status: 'undelivered',
      errorCode: '30003',
      at: at(1),
    });
    expect(await load(row.id)).toMatchObject({
      status: 'failed',
      deliveryStatus: 'undelivered',
      deliveredAt: null,
      error: 'Twilio could not deliver it (error 30003: unreachable)',
    });
  });

  it('a message the provider could not deliver goes on by the next channel the patient agreed to', async () => {
    const row = await sentMessage('sms', 'SMfallback');
    await t.db
      .update(notifications)
      .set({ fallback: [{ channel: 'email', recipient: 'fallback@test.example' }] })
      .where(eq(notifications.id, row.id));
    await recordDeliveryStatus(t.db, {
      provider: 'twilio',
      providerMessageId: 'SMfallback',
      status: 'failed',
      errorCode: '30005',
      at: at(2),
    });
    expect((await load(row.id))?.error).toMatch(/^Twilio could not deliver it .*\. Sent by email instead\.$/);
    const [instead] = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.idempotencyKey, `${row.idempotencyKey}>email`));
    expect(instead).toMatchObject({ channel: 'email', recipient: 'fallback@test.example', status: 'pending' });
  });

  it('ignores an id it does not know, and an id of another provider channel', async () => {
    const row = await sentMessage('whatsapp', 'wa-only');
    expect(
      await recordDeliveryStatus(t.db, {
        provider: 'twilio',
        providerMessageId: 'SMnobody',
        status: 'failed',
        at: at(0),
      }),
    ).toBe('unknown');
    expect(
      await recordDeliveryStatus(t.db, {
        provider: 'twilio',
        providerMessageId: 'wa-only',
        status: 'failed',
        at: at(0),
      }),
    ).toBe('unknown');
    expect(await load(row.id)).toMatchObject({ status: 'sent', deliveryStatus: null });
  });
});

describe('Twilio status callback', () => {
  it('records the signed callbacks the fake Twilio posts', async () => {
    const channel = new TwilioSmsChannel({
      ...TWILIO,
      from: '+15005550006',
      statusCallbackUrl: callbackUrl,
      baseUrl: fakeTwilio.url,
    });
    const { providerMessageId } = await channel.send({
      notificationId: '00000000-0000-4000-8000-000000000001',
      idempotencyKey: 'twilio-callback-test',
      channel: 'sms',
      recipient: '+919876543210',
      body: 'Reminder',
    });
    const row = await sentMessage('sms', providerMessageId);
    await fakeTwilio.setStatus(providerMessageId, 'failed');
    expect(fakeTwilio.callbacks.at(-1)?.status).toBe(204);
    expect(await load(row.id)).toMatchObject({
      status: 'failed',
      deliveryStatus: 'failed',
      error: 'Twilio could not deliver it (error 30003: unreachable)',
    });
  });

  it('a bad signature is 403 and changes nothing', async () => {
    const row = await sentMessage('sms', 'SMforged');
    const params = { MessageSid: 'SMforged', MessageStatus: 'failed', ErrorCode: '30003' };
    const post = (signature: string) =>
      fetch(callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      });
    expect((await post(twilioSignature(callbackUrl, params, 'another-token'))).status).toBe(403);
    expect((await post('')).status).toBe(403);
    expect(await load(row.id)).toMatchObject({ status: 'sent', deliveryStatus: null });
    expect((await post(twilioSignature(callbackUrl, params, TWILIO.authToken))).status).toBe(204);
    expect(await load(row.id)).toMatchObject({ status: 'failed', deliveryStatus: 'failed' });
  });
});

describe('Gallabox webhook', () => {
  it('records the webhooks the fake Gallabox posts to the URL with the secret', async () => {
    const channel = new GallaboxWhatsAppChannel({ ...GALLABOX, baseUrl: fakeGallabox.url });
    const { providerMessageId } = await channel.send({
      notificationId: '00000000-0000-4000-8000-000000000002',
      idempotencyKey: 'gallabox-webhook-test',
      channel: 'whatsapp',
      recipient: '+919876543210',
      body: 'Reminder',
    });
    const row = await sentMessage('whatsapp', providerMessageId);
    await fakeGallabox.setStatus(providerMessageId, 'delivered');
    expect(fakeGallabox.webhooks.at(-1)?.status).toBe(200);
    const delivered = await load(row.id);
    expect(delivered).toMatchObject({ status: 'sent', deliveryStatus: 'delivered' });
    expect(delivered?.deliveredAt).toBeInstanceOf(Date);
  });

  it('a missing or wrong secret is 403 and changes nothing', async () => {
    const row = await sentMessage('whatsapp', 'wa-forged');
    const body = JSON.stringify({ event: 'Message.Status', message: { id: 'wa-forged', status: 'failed' } });
    const post = (query: string) =>
      fetch(`${gallaboxHook.url}/api/webhooks/gallabox${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    expect((await post('')).status).toBe(403);
    expect((await post('?secret=wrong')).status).toBe(403);
    expect(await load(row.id)).toMatchObject({ status: 'sent', deliveryStatus: null });
    expect((await post(`?secret=${WEBHOOK_SECRET}`)).status).toBe(200);
    expect(await load(row.id)).toMatchObject({ status: 'failed', error: 'WhatsApp (Gallabox) could not deliver it' });
  });
});
