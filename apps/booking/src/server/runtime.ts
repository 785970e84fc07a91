import 'server-only';
import { type ApiRuntime, createApiRuntime, SiteNotReadyError } from '@carelane/api';
import { createDb, type Database } from '@carelane/db';
import { env, filesBucket, messagingConfig, razorpayConfig } from '@/env';

// One runtime per process (and per hot reload in development).
const globalForRuntime = globalThis as unknown as { carelaneBooking?: Promise<ApiRuntime> };

export function runtime(): Promise<ApiRuntime> {
  globalForRuntime.carelaneBooking ??= createApiRuntime({
    databaseUrl: env().DATABASE_URL,
    secret: env().AUTH_SECRET,
    audience: 'patient',
    siteOrganizationSlug: env().BOOKING_ORGANIZATION,
    secureCookies: env().PUBLIC_URL.startsWith('https://'),
    bookingUrl: env().PUBLIC_URL,
    razorpay: razorpayConfig(),
    messaging: messagingConfig(),
    production: env().APP_ENV === 'production',
    dataDir: env().DATA_DIR,
    s3: filesBucket(),
  }).catch((err: unknown) => {
    globalForRuntime.carelaneBooking = undefined;
    throw err;
  });
  return globalForRuntime.carelaneBooking;
}

let reported: string | null = null;

/**
 * Why the site cannot serve yet (no organization, or BOOKING_ORGANIZATION names none), or null.
 * Asked again on every request until it can, so the site opens once the clinic is set up.
 */
export async function siteNotReady(): Promise<SiteNotReadyError | null> {
  try {
    await runtime();
    return null;
  } catch (err) {
    if (!(err instanceof SiteNotReadyError)) throw err;
    // A wrong configuration is the operator's to fix: said once on the console, calmly to patients.
    if (err.reason !== 'no-organization' && reported !== err.message) {
      reported = err.message;
      console.error(`booking site: ${err.message}`);
    }
    return err;
  }
}

const globalForHealth = globalThis as unknown as { carelaneBookingHealthDb?: Database };

/** The database the health check asks: the runtime's, or while the site waits for its clinic a small pool of its own. */
export async function healthDatabase(): Promise<{ db: Database }> {
  if (!(await siteNotReady())) return (await runtime()).deps;
  globalForHealth.carelaneBookingHealthDb ??= createDb(env().DATABASE_URL, { max: 1 }).db;
  return { db: globalForHealth.carelaneBookingHealthDb };
}
