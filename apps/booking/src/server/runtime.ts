import 'server-only';
import { type ApiRuntime, createApiRuntime } from '@carelane/api';
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
