import 'server-only';
import { type ApiRuntime, createApiRuntime } from '@carelane/api';
import { env, filesBucket, messagingConfig, razorpayConfig } from '@/env';

// One runtime per process (and per hot reload in development).
const globalForRuntime = globalThis as unknown as { carelaneDashboard?: Promise<ApiRuntime> };

export function runtime(): Promise<ApiRuntime> {
  globalForRuntime.carelaneDashboard ??= createApiRuntime({
    databaseUrl: env().DATABASE_URL,
    secret: env().AUTH_SECRET,
    audience: 'staff',
    secureCookies: env().PUBLIC_URL.startsWith('https://'),
    bookingUrl: env().BOOKING_URL,
    formsUrl: env().PUBLIC_URL,
    dataDir: env().DATA_DIR,
    s3: filesBucket(),
    razorpay: razorpayConfig(),
    messaging: messagingConfig(),
    production: env().APP_ENV === 'production',
  }).catch((err: unknown) => {
    globalForRuntime.carelaneDashboard = undefined;
    throw err;
  });
  return globalForRuntime.carelaneDashboard;
}
