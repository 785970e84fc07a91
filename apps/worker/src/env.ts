import { fileURLToPath } from 'node:url';
import { DELIVERY_POLICY } from '@carelane/api';
import { authEnvShape } from '@carelane/auth/env';
import { parseEnv } from '@carelane/core';
import { dbEnvShape } from '@carelane/db/env';
import { messagingEnvShape } from '@carelane/integrations/messaging/providers';
import { razorpayEnvShape } from '@carelane/integrations/payments';
import { z } from 'zod';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The worker's and launcher's configuration, validated once. Nothing else reads process.env. */
const schema = z.object({
  // Without DATABASE_URL an embedded server runs; without AUTH_SECRET one is generated (development only).
  DATABASE_URL: dbEnvShape.DATABASE_URL.optional(),
  AUTH_SECRET: authEnvShape.AUTH_SECRET.optional(),
  APP_ENV: authEnvShape.APP_ENV,
  /** Embedded database, generated secret and files live here when no DATABASE_URL is given. */
  DATA_DIR: z.string().default(`${REPO_ROOT}.data`),
  DASHBOARD_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BOOKING_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** Public origins; default to localhost with the ports above. */
  DASHBOARD_URL: z.url().optional(),
  BOOKING_URL: z.url().optional(),
  /** The organization (slug) the booking site serves; unset: the only one, or the demo clinic when it exists. */
  BOOKING_ORGANIZATION: z.string().min(1).optional(),
  /**
   * Seed the demo clinics into an empty database (as `pnpm start --demo` does). Unset: only
   * `pnpm dev` seeds them; `pnpm start` leaves an empty database for the first-run setup.
   */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  WORKER_POLL_MS: z.coerce.number().int().min(100).default(2000),
  /** Messages one worker process delivers at once. */
  WORKER_BATCH: z.coerce.number().int().min(1).max(500).default(20),
  /** Delivery loops per worker process, each with up to WORKER_BATCH messages in hand. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** How often each worker's relay turns due outbox rows into pg-boss jobs. */
  WORKER_RELAY_MS: z.coerce.number().int().min(50).default(500),
  /** How long a message being sent belongs to its worker (default 2 minutes); shorter in tests. */
  WORKER_LEASE_MS: z.coerce.number().int().min(1000).optional(),
  /** The first retry's wait after a provider failure (default 30 s); shorter in tests. */
  WORKER_RETRY_BASE_MS: z.coerce.number().int().min(0).optional(),
  /** Real Razorpay keys; without them `pnpm start` runs a local fake Razorpay (development only). */
  RAZORPAY_KEY_ID: razorpayEnvShape.RAZORPAY_KEY_ID,
  /** Port of the local fake Razorpay; 0 picks a free one. */
  RAZORPAY_FAKE_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** SMTP_*, TWILIO_*, GALLABOX_*: with none set, `pnpm start` runs local fakes of the three (development only). */
  ...messagingEnvShape,
});

export type WorkerEnv = z.infer<typeof schema> & { repoRoot: string; dashboardUrl: string; bookingUrl: string };

export function loadEnv(): WorkerEnv {
  // biome-ignore lint/style/noProcessEnv: this module is the one reader of the environment
  const e = parseEnv(schema, process.env, 'worker');
  if (e.APP_ENV === 'production' && (!e.DATABASE_URL || !e.AUTH_SECRET)) {
    throw new Error('Invalid configuration: production needs DATABASE_URL and AUTH_SECRET');
  }
  return {
    ...e,
    repoRoot: REPO_ROOT,
    dashboardUrl: e.DASHBOARD_URL ?? `http://localhost:${e.DASHBOARD_PORT}`,
    bookingUrl: e.BOOKING_URL ?? `http://localhost:${e.BOOKING_PORT}`,
  };
}

/** The environment given to child processes: the parent's, minus nothing, plus ours. */
/** The delivery settings of WorkerDeps, from the env. */
export function deliveryOptions(env: WorkerEnv, databaseUrl: string) {
  return {
    databaseUrl,
    batchSize: env.WORKER_BATCH,
    concurrency: env.WORKER_CONCURRENCY,
    relayMs: env.WORKER_RELAY_MS,
    leaseMs: env.WORKER_LEASE_MS ?? DELIVERY_POLICY.leaseMs,
    retryBaseMs: env.WORKER_RETRY_BASE_MS,
  };
}

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // biome-ignore lint/style/noProcessEnv: children inherit PATH and friends
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
}
