import { notificationAttempts, notifications } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { type FakeTwilio, startFakeTwilio } from '@carelane/integrations/messaging';
import { asc, eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { countByKey, createOrganization, queueMessages, startWorker, stopWorker, waitUntilSettled } from './helpers';

let t: TestDatabase;
let twilio: FakeTwilio;
let orgId: string;
const workers: ReturnType<typeof startWorker>[] = [];

// Short, so the crash test's takeover comes quickly; the other tests use a long one, so a send slowed
// down by a busy machine (CI runs every package's tests at once) is never taken over.
const SHORT_LEASE_MS = 3000;
const LONG_LEASE_MS = 60_000;

beforeEach(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  twilio = await startFakeTwilio({ accountSid: 'AC_worker', authToken: 'token', autoStatus: null });
  orgId = await createOrganization(t.db);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => stopWorker(worker, 'SIGKILL')));
  await twilio.close();
  await t.close();
});

function worker(leaseMs = LONG_LEASE_MS) {
  const child = startWorker(t.url, {
    TWILIO_ACCOUNT_SID: 'AC_worker',
    TWILIO_AUTH_TOKEN: 'token',
    TWILIO_FROM: '+15005550006',
    TWILIO_BASE_URL: twilio.url,
    WORKER_LEASE_MS: String(leaseMs),
    WORKER_RETRY_BASE_MS: '100',
    WORKER_RELAY_MS: '200',
  });
  workers.push(child);
  return child;
}

// Generous: a worker process starting (tsx, pg-boss) beside the other packages' tests can take a while.
async function waitFor(check: () => boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the worker on pg-boss', () => {
  it('a worker killed mid-send is taken over, and every message still reaches the provider once', async () => {
    const ids = await queueMessages(t.db, orgId, 40);
    // The first requests are answered only after the worker is dead; the provider still takes them.
    twilio.delayNext(10, 1500);
    const first = worker(SHORT_LEASE_MS);
    await waitFor(() => twilio.requests.length >= 10);
    await stopWorker(first, 'SIGKILL');
    // The dead worker's claims expire after its short lease; the new worker's own claims hold long.
    worker();

    expect(await waitUntilSettled(t.db, ids)).toEqual({ sent: 40 });
    const rows = await t.db.select().from(notifications).where(inArray(notifications.id, ids));
    const keys = rows.map((row) => row.idempotencyKey);
    const messages = countByKey(twilio.messages.map((m) => m.idempotencyKey));
    expect(keys.map((key) => messages.get(key))).toEqual(keys.map(() => 1));
    expect(twilio.messages).toHaveLength(40);

    // Some keys came twice: the second worker repeated them, and the key kept them to one message.
    const requests = countByKey(twilio.requests.map((r) => r.idempotencyKey));
    const repeated = rows.filter((row) => (requests.get(row.idempotencyKey) ?? 0) > 1);
    expect(repeated.length).toBeGreaterThan(0);
    for (const row of repeated) {
      const attempts = await t.db
        .select({ outcome: notificationAttempts.outcome })
        .from(notificationAttempts)
        .where(eq(notificationAttempts.notificationId, row.id))
        .orderBy(asc(notificationAttempts.attempt));
      expect(attempts.map((a) => a.outcome)).toEqual(['interrupted', 'sent']);
    }
  });

  it('SIGTERM lets the messages in hand finish before the worker exits', async () => {
    const ids = await queueMessages(t.db, orgId, 5);
    twilio.delayNext(5, 1000);
    const one = worker();
    await waitFor(() => twilio.requests.length >= 5);
    const exited = new Promise<number | null>((resolve) => one.once('exit', (code) => resolve(code)));
    one.kill('SIGTERM');
    expect(await exited).toBe(0);
    const rows = await t.db.select().from(notifications).where(inArray(notifications.id, ids));
    expect(rows.map((row) => row.status)).toEqual(ids.map(() => 'sent'));
  });

  it('two workers racing over 300 messages send each one once', async () => {
    worker();
    worker();
    const ids = await queueMessages(t.db, orgId, 300);
    expect(await waitUntilSettled(t.db, ids)).toEqual({ sent: 300 });
    const requests = countByKey(twilio.requests.map((r) => r.idempotencyKey));
    expect(requests.size).toBe(300);
    expect([...requests.values()].every((count) => count === 1)).toBe(true);
    expect(twilio.messages).toHaveLength(300);
  });

  it('a provider that keeps failing ends the message failed with the reason', async () => {
    twilio.failNext(7, 503);
    const [outage] = await queueMessages(t.db, orgId, 1, ['sms'], 'outage');
    worker();
    await waitUntilSettled(t.db, [outage ?? '']);
    const [gaveUp] = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, outage ?? ''));
    expect(gaveUp).toMatchObject({ status: 'failed', attempts: 5 });
    expect(gaveUp?.error).toMatch(/^Gave up after 5 attempts: twilio server \(503\)/);
    expect(twilio.messages).toHaveLength(0);
  });

  it('a message the provider refuses fails at once', async () => {
    twilio.failNext(1, 400);
    const [refused] = await queueMessages(t.db, orgId, 1, ['sms'], 'refused');
    worker();
    await waitUntilSettled(t.db, [refused ?? '']);
    const [row] = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, refused ?? ''));
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.error).toMatch(/^twilio rejected \(400\)/);
    expect(twilio.messages).toHaveLength(0);
  });
});
