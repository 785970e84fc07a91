import { authEnvShape } from '@carelane/auth/env';
import { parseEnv } from '@carelane/core';
import { dbEnvShape } from '@carelane/db/env';
import { filesBucketFromEnv, filesEnvShape, type S3Config } from '@carelane/integrations/files';
import {
  type MessagingConfig,
  messagingConfigFromEnv,
  messagingEnvShape,
} from '@carelane/integrations/messaging/providers';
import { type RazorpayConfig, razorpayConfigFromEnv, razorpayEnvShape } from '@carelane/integrations/payments';
import { z } from 'zod';

/**
 * The dashboard's configuration, validated once. Nothing else reads process.env.
 * Parsed lazily so `next build` does not need runtime secrets.
 */
const schema = z.object({
  // DATA_DIR is shared with the worker: uploaded patient imports are kept under it.
  ...dbEnvShape,
  ...authEnvShape,
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  BOOKING_URL: z.url().default('http://localhost:3001'),
  ...filesEnvShape,
  ...razorpayEnvShape,
  /** SMTP_*, TWILIO_*, GALLABOX_*; `pnpm start` points them at local fakes in development when unset. */
  ...messagingEnvShape,
  /** The public URL Twilio posts incoming SMS to (signatures cover it); the request URL when unset. */
  TWILIO_INBOUND_URL: z.url().optional(),
});

export type DashboardEnv = z.infer<typeof schema>;

let cached: DashboardEnv | undefined;

export function env(): DashboardEnv {
  // biome-ignore lint/style/noProcessEnv: this module is the one reader of the environment
  cached ??= parseEnv(schema, process.env, 'dashboard');
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
