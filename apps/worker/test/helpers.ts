import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NotificationChannel } from '@carelane/core';
import { type Database, notifications, organizations, seal } from '@carelane/db';
import { inArray, like, sql } from 'drizzle-orm';
import { childEnv } from '../src/env';

const WORKER_DIR = fileURLToPath(new URL('..', import.meta.url));

export const SECRET = 'worker-test-secret-0123456789abcdef0123456789';

/**
 * A worker process on `databaseUrl`, with `env` on top. Node with tsx's loader rather than the tsx
 * command, which runs the script in a child of its own: a SIGKILL must reach the worker itself.
 */
export function startWorker(databaseUrl: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: WORKER_DIR,
    env: childEnv({
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: SECRET,
      APP_ENV: 'development',
      SEED_DEMO: 'false',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'carelane-worker-')),
      ...env,
    }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

/** Stops a worker: SIGTERM (graceful) or SIGKILL (a crash); resolves when it has exited. */
export function stopWorker(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function createOrganization(db: Database, name = 'Worker Test Clinic') {
  const [org] = await db
    .insert(organizations)
    .values({
      name,
      slug: `worker-${Math.random().toString(36).slice(2, 10)}`,
      defaultZone: 'Asia/Kolkata',
      currency: 'INR',
      country: 'IN',
    })
    .returning({ id: organizations.id });
  if (!org) throw new Error('no organization');
  return org.id;
}

const RECIPIENT: Record<NotificationChannel, (i: number) => string> = {
  sms: (i) => `+9198${String(i).padStart(8, '0')}`,
  whatsapp: (i) => `+9197${String(i).padStart(8, '0')}`,
  email: (i) => `patient${i}@worker.test`,
};

/**
 * Writes `count` due sign-in codes to the outbox (they need no patient or visit), spread over
 * `channels` in turn; returns their ids.
 */
export async function queueMessages(
  db: Database,
  organizationId: string,
  count: number,
  channels: NotificationChannel[] = ['sms'],
  prefix = 'test',
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
      const i = start + k;
      const channel = channels[i % channels.length] ?? 'sms';
      return {
        organizationId,
        channel,
        kind: 'otp_sign_in',
        idempotencyKey: `${prefix}-${i}`,
        recipient: RECIPIENT[channel](i),
        sealedPayload: seal({ code: String(100000 + i) }, SECRET),
      };
    });
    const inserted = await db.insert(notifications).values(rows).returning({ id: notifications.id });
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

/**
 * Waits until none of the messages (`ids`, or those whose key starts with a prefix) is pending or
 * sending more; returns the count per status.
 */
export async function waitUntilSettled(db: Database, which: string[] | { keyPrefix: string }, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  const where = Array.isArray(which)
    ? inArray(notifications.id, which)
    : like(notifications.idempotencyKey, `${which.keyPrefix}%`);
  for (;;) {
    const rows = await db
      .select({ status: notifications.status, count: sql<number>`count(*)::int` })
      .from(notifications)
      .where(where)
      .groupBy(notifications.status);
    const counts = Object.fromEntries(rows.map((row) => [row.status, row.count]));
    if (!counts.pending && !counts.sending) return counts;
    if (Date.now() > deadline) throw new Error(`not settled in time: ${JSON.stringify(counts)}`);
    // Seldom enough not to slow the workers it waits for.
    await new Promise((resolve) => setTimeout(resolve, Array.isArray(which) ? 100 : 500));
  }
}

/** How many times each key came: a count per key. */
export function countByKey(keys: (string | null)[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
