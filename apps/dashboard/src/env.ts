import { filesBucketFromEnv, type S3Config } from '@carelane/integrations/files';
import {
  type MessagingConfig,
  messagingConfigFromEnv,
  messagingEnvShape,
} from '@carelane/integrations/messaging/providers';
import { type RazorpayConfig, razorpayConfigFromEnv } from '@carelane/integrations/payments';
import { z } from 'zod';

/**
 * The dashboard's configuration, validated once. Nothing else reads process.env.
 * Parsed lazily so `next build` does not need runtime secrets.
 */
const schema = z.object({
  DATABASE_URL: z.url({ error: 'DATABASE_URL must be a postgres:// URL' }),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
  APP_ENV: z.enum(['development', 'production']).default('development'),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  BOOKING_URL: z.url().default('http://localhost:3001'),
  /** The data folder shared with the worker: uploaded patient imports are kept under it. */
  DATA_DIR: z.string().default('.data'),
  /** An S3-compatible bucket (AWS S3, MinIO, R2) for logos and signatures; all four or none. */
  FILES_S3_ENDPOINT: z.url().optional(),
  FILES_S3_BUCKET: z.string().min(1).optional(),
  FILES_S3_REGION: z.string().min(1).default('us-east-1'),
  FILES_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  FILES_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Razorpay; `pnpm start` fills these with a local fake's when no real keys are given. */
  RAZORPAY_KEY_ID: z.string().min(1).optional(),
  RAZORPAY_KEY_SECRET: z.string().min(1).optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(1).optional(),
  RAZORPAY_BASE_URL: z.url().optional(),
  /** SMTP_*, TWILIO_*, GALLABOX_*; `pnpm start` points them at local fakes in development when unset. */
  ...messagingEnvShape,
  /** The public URL Twilio posts incoming SMS to (signatures cover it); the request URL when unset. */
  TWILIO_INBOUND_URL: z.url().optional(),
});

export type DashboardEnv = z.infer<typeof schema>;

let cached: DashboardEnv | undefined;

export function env(): DashboardEnv {
  if (!cached) {
    // biome-ignore lint/style/noProcessEnv: this module is the one reader of the environment
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid dashboard configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** The bucket for logos and signatures, when one is configured (else the data folder is used). */
export function filesBucket(): S3Config | undefined {
  return filesBucketFromEnv(env(), 'dashboard');
}

/** The payment gateway's keys, when configured (all three together). */
export function razorpayConfig(): RazorpayConfig | undefined {
  return razorpayConfigFromEnv(env(), 'dashboard');
}

/** Development tools (the /dev/outbox inbox) exist only outside production. */
export function devToolsEnabled(): boolean {
  return env().APP_ENV !== 'production';
}

/** The message providers that are configured; the rest deliver through the local channel. */
export function messagingConfig(): MessagingConfig {
  return messagingConfigFromEnv(env(), 'dashboard');
}

/** What Twilio status callbacks are checked against, when SMS is configured. */
export function twilioStatusConfig(): { authToken: string; callbackUrl: string } | undefined {
  const { TWILIO_AUTH_TOKEN, TWILIO_STATUS_CALLBACK_URL } = env();
  return TWILIO_AUTH_TOKEN && TWILIO_STATUS_CALLBACK_URL
    ? { authToken: TWILIO_AUTH_TOKEN, callbackUrl: TWILIO_STATUS_CALLBACK_URL }
    : undefined;
}

/** What incoming SMS (replies to reminders) are checked against, when SMS is configured. */
export function twilioInboundConfig(): { authToken: string; inboundUrl: string | undefined } | undefined {
  const { TWILIO_AUTH_TOKEN, TWILIO_INBOUND_URL } = env();
  return TWILIO_AUTH_TOKEN ? { authToken: TWILIO_AUTH_TOKEN, inboundUrl: TWILIO_INBOUND_URL } : undefined;
}
