import { filesBucketFromEnv, type S3Config } from '@carelane/integrations/files';
import {
  type MessagingConfig,
  messagingConfigFromEnv,
  messagingEnvShape,
} from '@carelane/integrations/messaging/providers';
import { type RazorpayConfig, razorpayConfigFromEnv } from '@carelane/integrations/payments';
import { z } from 'zod';

/**
 * The booking site's configuration, validated once. Nothing else reads process.env.
 * Parsed lazily so `next build` does not need runtime secrets.
 */
const schema = z.object({
  DATABASE_URL: z.url({ error: 'DATABASE_URL must be a postgres:// URL' }),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
  APP_ENV: z.enum(['development', 'production']).default('development'),
  PUBLIC_URL: z.url().default('http://localhost:3001'),
  DASHBOARD_URL: z.url().default('http://localhost:3000'),
  /** The organization (by slug) whose clinicians this site lists and books. */
  BOOKING_ORGANIZATION: z.string().min(1).default('sunrise-health'),
  /** Where the dashboard keeps clinic logos (read for patients' invoice and receipt PDFs). */
  DATA_DIR: z.string().default('.data'),
  FILES_S3_ENDPOINT: z.url().optional(),
  FILES_S3_BUCKET: z.string().min(1).optional(),
  FILES_S3_REGION: z.string().min(1).default('us-east-1'),
  FILES_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  FILES_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Razorpay, for prepayment at booking; `pnpm start` fills these with a local fake's when no real keys are given. */
  RAZORPAY_KEY_ID: z.string().min(1).optional(),
  RAZORPAY_KEY_SECRET: z.string().min(1).optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(1).optional(),
  RAZORPAY_BASE_URL: z.url().optional(),
  /** SMTP_*, TWILIO_*, GALLABOX_*; `pnpm start` points them at local fakes in development when unset. */
  ...messagingEnvShape,
});

export type BookingEnv = z.infer<typeof schema>;

let cached: BookingEnv | undefined;

export function env(): BookingEnv {
  if (!cached) {
    // biome-ignore lint/style/noProcessEnv: this module is the one reader of the environment
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid booking site configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** The payment gateway's keys, when configured (all three together). */
export function razorpayConfig(): RazorpayConfig | undefined {
  return razorpayConfigFromEnv(env(), 'booking site');
}

/** The bucket the dashboard stores logos in, when one is configured (else the data folder). */
export function filesBucket(): S3Config | undefined {
  return filesBucketFromEnv(env(), 'booking site');
}

/** The message providers that are configured; the rest deliver through the local channel. */
export function messagingConfig(): MessagingConfig {
  return messagingConfigFromEnv(env(), 'booking site');
}
