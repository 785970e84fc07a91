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
 * The booking site's configuration, validated once. Nothing else reads process.env.
 * Parsed lazily so `next build` does not need runtime secrets.
 */
const schema = z.object({
  // DATA_DIR (or the FILES_S3_* bucket): where the dashboard keeps clinic logos, read for patients' invoice and receipt PDFs.
  ...dbEnvShape,
  ...authEnvShape,
  PUBLIC_URL: z.url().default('http://localhost:3001'),
  DASHBOARD_URL: z.url().default('http://localhost:3000'),
  /** The organization (by slug) whose clinicians this site lists and books; unset, the only one there is. */
  BOOKING_ORGANIZATION: z.string().min(1).optional(),
  ...filesEnvShape,
  // Razorpay, for prepayment at booking.
  ...razorpayEnvShape,
  /** SMTP_*, TWILIO_*, GALLABOX_*; `pnpm start` points them at local fakes in development when unset. */
  ...messagingEnvShape,
});

export type BookingEnv = z.infer<typeof schema>;

let cached: BookingEnv | undefined;

export function env(): BookingEnv {
  // biome-ignore lint/style/noProcessEnv: this module is the one reader of the environment
  cached ??= parseEnv(schema, process.env, 'booking site');
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
