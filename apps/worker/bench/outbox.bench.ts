// Outbox throughput: 10,000 due messages over SMS (fake Twilio), WhatsApp (fake Gallabox) and
// email (fake SMTP), delivered by 1 and then 2 worker processes on an embedded PostgreSQL.
// `pnpm --filter @carelane/worker bench`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, notificationAttempts, notifications } from '@carelane/db';
import { ensureDatabase, runMigrations, startEmbeddedPostgres } from '@carelane/db/server';
import { startFakeGallabox, startFakeSmtp, startFakeTwilio } from '@carelane/integrations/messaging';
import { inArray, sql } from 'drizzle-orm';
import { createOrganization, queueMessages, startWorker, stopWorker, waitUntilSettled } from '../test/helpers';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const MESSAGES = Number(arg('messages') ?? 10_000);
const CHANNELS = (arg('channels')?.split(',') ?? ['sms', 'whatsapp', 'email']) as ('sms' | 'whatsapp' | 'email')[];
const PROCESSES = (arg('processes') ?? '1,2').split(',').map(Number);

const dir = mkdtempSync(join(tmpdir(), 'carelane-outbox-bench-'));
const server = await startEmbeddedPostgres(dir, { durable: false });
const twilio = await startFakeTwilio({ accountSid: 'AC_bench', authToken: 'token', autoStatus: null });
const gallabox = await startFakeGallabox({
  apiKey: 'key',
  apiSecret: 'secret',
  channelId: 'channel',
  autoStatus: null,
});
const smtp = await startFakeSmtp();
const providerEnv = {
  TWILIO_ACCOUNT_SID: 'AC_bench',
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_FROM: '+15005550006',
  TWILIO_BASE_URL: twilio.url,
  GALLABOX_API_KEY: 'key',
  GALLABOX_API_SECRET: 'secret',
  GALLABOX_CHANNEL_ID: 'channel',
  GALLABOX_BASE_URL: gallabox.url,
  SMTP_HOST: smtp.host,
  SMTP_PORT: String(smtp.port),
  SMTP_SECURE: 'false',
  EMAIL_FROM: 'Bench <no-reply@bench.test>',
};

try {
  await ensureDatabase(server.url('postgres'), 'bench');
  const url = server.url('bench');
  const { db, close } = createDb(url, { max: 4 });
  try {
    await runMigrations(db);
    const orgId = await createOrganization(db, 'Bench Clinic');
    console.log(`outbox: ${MESSAGES} messages over ${CHANNELS.join(', ')}; WORKER_BATCH 20`);
    for (const processes of PROCESSES) {
      const workers = Array.from({ length: processes }, () => startWorker(url, providerEnv));
      try {
        // One message per channel first, so start-up is not counted.
        await waitUntilSettled(db, await queueMessages(db, orgId, 3, [...CHANNELS], `warm-${processes}`), 120_000);
        const started = performance.now();
        await queueMessages(db, orgId, MESSAGES, [...CHANNELS], `run-${processes}`);
        const counts = await waitUntilSettled(db, { keyPrefix: `run-${processes}-` }, 170_000);
        const seconds = (performance.now() - started) / 1000;
        const [latency] = await db
          .select({
            p50: sql<number>`percentile_cont(0.5) within group (order by extract(epoch from ${notificationAttempts.finishedAt} - ${notificationAttempts.startedAt}) * 1000)`,
            p95: sql<number>`percentile_cont(0.95) within group (order by extract(epoch from ${notificationAttempts.finishedAt} - ${notificationAttempts.startedAt}) * 1000)`,
          })
          .from(notificationAttempts)
          .where(
            inArray(
              notificationAttempts.notificationId,
              db
                .select({ id: notifications.id })
                .from(notifications)
                .where(sql`${notifications.idempotencyKey} like ${`run-${processes}-%`}`),
            ),
          );
        console.log(
          `${processes} worker process${processes > 1 ? 'es' : ''}: ${(MESSAGES / seconds).toFixed(0)} messages/s ` +
            `(${seconds.toFixed(1)} s, ${JSON.stringify(counts)}); send p50 ${Number(latency?.p50 ?? 0).toFixed(1)} ms, ` +
            `p95 ${Number(latency?.p95 ?? 0).toFixed(1)} ms`,
        );
      } finally {
        await Promise.all(workers.map((worker) => stopWorker(worker)));
      }
    }
    console.log(
      `providers received: ${twilio.messages.length} SMS, ${gallabox.messages.length} WhatsApp, ${smtp.messages.length} email`,
    );
  } finally {
    await close();
  }
} finally {
  await Promise.all([twilio.close(), gallabox.close(), smtp.close()]);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
