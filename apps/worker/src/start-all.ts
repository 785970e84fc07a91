// `pnpm start`: the whole system on one machine. Prepares the database (embedded PostgreSQL
// when no DATABASE_URL), starts the dashboard and booking site, runs the worker in this
// process, and prints where everything is.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { localChannels } from '@carelane/api';
import { createDb, type Database, organizations } from '@carelane/db';
import { SETUP_CODE_PATTERN, setupNeeded } from '@carelane/db/onboarding';
import { DEMO, EmbeddedPostgresSetupError, prepareDatabase } from '@carelane/db/server';
import { startFakeMessaging } from '@carelane/integrations/messaging';
import { messagingConfigFromEnv, providerChannels } from '@carelane/integrations/messaging/providers';
import { startFakeRazorpay } from '@carelane/integrations/payments';
import { eq } from 'drizzle-orm';
import { childEnv, deliveryOptions, loadEnv } from './env';
import { developmentSecret } from './secret';
import { runWorker } from './worker';

const dev = process.argv.includes('--dev');
const env = loadEnv();
const log = (line: string) => console.log(`carelane: ${line}`);
// `pnpm start --demo` or SEED_DEMO=true: the demo clinics in an empty database. `pnpm dev` seeds
// them too unless SEED_DEMO=false; plain `pnpm start` leaves it empty for the first-run setup.
const demo = process.argv.includes('--demo') || env.SEED_DEMO === 'true' || (dev && env.SEED_DEMO !== 'false');

const prepared = await prepareDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATA_DIR,
  seed: demo ? 'if-empty' : 'never',
  log,
}).catch((err: unknown) => {
  // A setup problem the person can fix gets its one sentence, not a stack.
  if (!(err instanceof EmbeddedPostgresSetupError)) throw err;
  console.error(`carelane: ${err.message}`);
  process.exit(1);
});
const secret = env.AUTH_SECRET ?? developmentSecret(env.DATA_DIR);

// Without real keys, payments go to a local fake Razorpay (checkout page, signed webhooks to the
// dashboard), so the whole payment flow works offline. Its keys derive from the app secret.
const fakeKeys = {
  keyId: 'rzp_test_carelane_local',
  keySecret: createHmac('sha256', secret).update('razorpay-key').digest('hex'),
  webhookSecret: createHmac('sha256', secret).update('razorpay-webhook').digest('hex'),
};
const fakeRazorpay =
  !env.RAZORPAY_KEY_ID && env.APP_ENV !== 'production'
    ? await startFakeRazorpay({
        ...fakeKeys,
        port: env.RAZORPAY_FAKE_PORT,
        webhookUrl: `http://127.0.0.1:${env.DASHBOARD_PORT}/api/webhooks/razorpay`,
      })
    : null;

// With no message provider set, SMTP, SMS and WhatsApp go to local fakes through the real
// adapters (status callbacks to the dashboard included); /dev/outbox shows what they received.
const fakeMessaging =
  !env.SMTP_HOST && !env.TWILIO_ACCOUNT_SID && !env.GALLABOX_API_KEY && env.APP_ENV !== 'production'
    ? await startFakeMessaging({
        dashboardUrl: env.dashboardUrl,
        twilioAuthToken: createHmac('sha256', secret).update('twilio-token').digest('hex'),
        gallaboxApiSecret: createHmac('sha256', secret).update('gallabox-secret').digest('hex'),
        gallaboxWebhookSecret: createHmac('sha256', secret).update('gallabox-webhook').digest('hex'),
      })
    : null;
const messagingEnv = fakeMessaging?.env ?? {};

const shared = {
  DATABASE_URL: prepared.url,
  AUTH_SECRET: secret,
  APP_ENV: env.APP_ENV,
  NEXTAUTH_SECRET: secret,
  DATA_DIR: env.DATA_DIR,
  ...(fakeRazorpay
    ? {
        RAZORPAY_KEY_ID: fakeKeys.keyId,
        RAZORPAY_KEY_SECRET: fakeKeys.keySecret,
        RAZORPAY_WEBHOOK_SECRET: fakeKeys.webhookSecret,
        RAZORPAY_BASE_URL: fakeRazorpay.url,
      }
    : {}),
  ...messagingEnv,
};
const { db } = createDb(prepared.url, { max: 3 });
const hasDemo = await hasOrganization(db, DEMO.organization.slug);
// The booking site serves BOOKING_ORGANIZATION; unset, the demo clinic when it is here, else the
// only organization (the booking site decides, and says so calmly while there is none).
const bookingOrganization = env.BOOKING_ORGANIZATION ?? (hasDemo ? DEMO.organization.slug : undefined);

const apps = [
  {
    name: 'dashboard',
    port: env.DASHBOARD_PORT,
    url: env.dashboardUrl,
    env: { ...shared, PUBLIC_URL: env.dashboardUrl, BOOKING_URL: env.bookingUrl, NEXTAUTH_URL: env.dashboardUrl },
  },
  {
    name: 'booking',
    port: env.BOOKING_PORT,
    url: env.bookingUrl,
    env: {
      ...shared,
      PUBLIC_URL: env.bookingUrl,
      DASHBOARD_URL: env.dashboardUrl,
      ...(bookingOrganization ? { BOOKING_ORGANIZATION: bookingOrganization } : {}),
      NEXTAUTH_URL: env.bookingUrl,
    },
  },
];

const children: ChildProcess[] = [];
/** The latest setup code the dashboard printed (only while no organization exists). */
let setupCode: string | null = null;
const controller = new AbortController();
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  controller.abort();
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve)))),
  );
  await fakeRazorpay?.close().catch(() => {});
  await fakeMessaging?.close().catch(() => {});
  await prepared.stop().catch(() => {});
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(0));

for (const app of apps) {
  const cwd = join(env.repoRoot, 'apps', app.name);
  const child = spawn(join(cwd, 'node_modules', '.bin', 'next'), [dev ? 'dev' : 'start', '-p', String(app.port)], {
    cwd,
    env: childEnv(app.env),
    // The dashboard's output passes through, read on the way for the first-run setup code.
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.stdout) {
    createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => {
      console.log(line);
      const code = SETUP_CODE_PATTERN.exec(line)?.[1];
      if (code) setupCode = code;
    });
  }
  child.once('exit', (code) => {
    if (!stopping) {
      log(`${app.name} exited (${code ?? 'signal'}); stopping`);
      void shutdown(1);
    }
  });
  children.push(child);
}

async function waitForHealth(url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

const channels = providerChannels(messagingConfigFromEnv({ ...env, ...messagingEnv }, 'worker'), localChannels(db));
void runWorker(
  {
    db,
    channels,
    appSecret: secret,
    bookingUrl: env.bookingUrl,
    pollMs: env.WORKER_POLL_MS,
    dataDir: env.DATA_DIR,
    delivery: deliveryOptions(env, prepared.url),
  },
  controller.signal,
);

const ready = await Promise.all(apps.map((a) => waitForHealth(`http://127.0.0.1:${a.port}`)));
if (ready.every(Boolean)) {
  console.log(
    [
      '',
      '  Carelane is running',
      `  Dashboard (staff):    ${env.dashboardUrl}`,
      `  Booking (patients):   ${env.bookingUrl}`,
      `  Database:             ${prepared.embedded ? `embedded PostgreSQL in ${join(env.DATA_DIR, 'pg')}` : 'DATABASE_URL'}${prepared.seeded ? ' (demo clinic seeded)' : ''}`,
      `  Development inbox:    ${env.APP_ENV === 'production' ? 'disabled (APP_ENV=production)' : `${env.dashboardUrl}/dev/outbox`}`,
      `  Messages:             ${fakeMessaging ? `local fakes: SMTP ${fakeMessaging.smtp.host}:${fakeMessaging.smtp.port}, Twilio ${fakeMessaging.twilio.url}, Gallabox ${fakeMessaging.gallabox.url}, inbox ${fakeMessaging.inboxUrl}/inbox` : 'configured providers (SMTP_HOST, TWILIO_ACCOUNT_SID, GALLABOX_API_KEY); the rest to the local channel'}`,
      `  Payments:             ${fakeRazorpay ? `local fake Razorpay at ${fakeRazorpay.url}` : 'Razorpay (RAZORPAY_KEY_ID)'}`,
      '',
      ...(await whoSignsIn(db)),
      '  Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
} else if (!stopping) {
  log('an app did not become healthy in time; stopping');
  await shutdown(1);
}

async function hasOrganization(db: Database, slug: string): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  return rows.length > 0;
}

/** The banner's last part: the first-run setup, the demo sign-ins, or the clinic's own. */
async function whoSignsIn(db: Database): Promise<string[]> {
  if (await setupNeeded(db)) {
    return [
      '  First run: this server has no clinic yet.',
      `  Open ${env.dashboardUrl}/setup and enter the setup code ${setupCode ?? 'the dashboard printed above'}.`,
      '  (For the demo clinics instead: stop, delete the data folder, and run `pnpm start --demo`.)',
      '',
    ];
  }
  if (!hasDemo) return [`  Staff sign in at ${env.dashboardUrl}/sign-in with their own accounts.`, ''];
  const staff = DEMO.staff;
  return [
    `  Demo staff sign-ins (password "${DEMO.password}"):`,
    `    admin             ${staff.admin.email}`,
    `    manager           ${staff.manager.email}`,
    `    centre manager    ${staff.centreManager.email}`,
    `    clinician         ${staff.clinician.email}`,
    `    care coordinator  ${staff.careCoordinator.email}`,
    `    front desk        ${staff.frontDesk.email}   (or phone ${staff.frontDesk.phone} + code)`,
    `    other clinic      ${DEMO.otherAdmin.email}`,
    `  Demo patient: sign in on the booking site with ${DEMO.patient.phone}; the code appears in the development inbox.`,
    '',
  ];
}
