import { localChannelMessages, notifications } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MessageChannel, MessageChannels } from '../src/messaging/channel';
import { ChannelError } from '../src/messaging/channel-error';
import { localChannels } from '../src/messaging/local-channel';
import { deliverDueNotifications, deliverNotification, enqueueNotification } from '../src/messaging/outbox';

const SECRET = 'outbox-test-secret-0123456789abcdef';
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
});
afterAll(() => t.close());

const enqueue = (recipient: string) =>
  enqueueNotification(
    t.db,
    {
      organizationId: null,
      channel: 'sms',
      template: 'otp_sign_in',
      recipient,
      payload: { organizationName: 'Clinic' },
      secret: { code: '424242' },
    },
    SECRET,
  );

describe('notifications outbox', () => {
  it('delivers a message exactly once when two deliverers race for it', async () => {
    const id = await enqueue('+919811111111');
    const deps = { db: t.db, channels: localChannels(t.db), appSecret: SECRET };
    const results = await Promise.all([
      deliverNotification(deps, id),
      deliverNotification(deps, id),
      deliverDueNotifications(deps),
    ]);
    const delivered = await t.db.select().from(localChannelMessages).where(eq(localChannelMessages.notificationId, id));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.body).toContain('424242');
    expect(results.filter((r) => r === true || r === 1)).toHaveLength(1);
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, id));
    expect(row).toMatchObject({ status: 'sent', sealedPayload: null, attempts: 1 });
  });

  it('keeps the secret sealed while waiting', async () => {
    const id = await enqueue('+919822222222');
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, id));
    expect(row?.sealedPayload).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain('424242');
  });

  it('retries a failing provider with back-off, then marks it failed with the reason', async () => {
    const failing: MessageChannel = {
      name: 'broken',
      send: () => Promise.reject(new Error('provider said 503')),
    };
    const channels: MessageChannels = { sms: failing, whatsapp: failing, email: failing };
    const id = await enqueue('+919833333333');
    const deps = { db: t.db, channels, appSecret: SECRET };
    for (let attempt = 1; attempt <= 5; attempt++) {
      // Make the retry due now instead of waiting for the back-off.
      await t.db
        .update(notifications)
        .set({ nextAttemptAt: new Date(0) })
        .where(eq(notifications.id, id));
      expect(await deliverNotification(deps, id)).toBe(false);
    }
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, id));
    expect(row).toMatchObject({ status: 'failed', attempts: 5, error: 'provider said 503', sealedPayload: null });
  });

  it('does not retry before the back-off has passed', async () => {
    const failing: MessageChannel = { name: 'broken', send: () => Promise.reject(new Error('timeout')) };
    const deps = { db: t.db, channels: { sms: failing, whatsapp: failing, email: failing }, appSecret: SECRET };
    const id = await enqueue('+919844444444');
    expect(await deliverNotification(deps, id)).toBe(false);
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, id));
    expect(row?.status).toBe('pending');
    expect(row?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await deliverNotification(deps, id)).toBe(false);
    const [again] = await t.db.select().from(notifications).where(eq(notifications.id, id));
    expect(again?.attempts).toBe(1);
  });

  it('fails at once, with the reason, a message the provider refused; retries one it could not take', async () => {
    const refusing: MessageChannel = {
      name: 'refusing',
      send: () => Promise.reject(new ChannelError('twilio', 'rejected', 400, '21211')),
    };
    const down: MessageChannel = {
      name: 'down',
      send: () => Promise.reject(new ChannelError('twilio', 'server', 503, null)),
    };
    const refused = await enqueue('+919855555555');
    await deliverNotification(
      { db: t.db, channels: { sms: refusing, whatsapp: refusing, email: refusing }, appSecret: SECRET },
      refused,
    );
    const [gone] = await t.db.select().from(notifications).where(eq(notifications.id, refused));
    expect(gone).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: 'twilio rejected (400): 21211',
      sealedPayload: null,
    });
    const later = await enqueue('+919866666666');
    await deliverNotification(
      { db: t.db, channels: { sms: down, whatsapp: down, email: down }, appSecret: SECRET },
      later,
    );
    const [waiting] = await t.db.select().from(notifications).where(eq(notifications.id, later));
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, error: 'twilio server (503)' });
  });
});
