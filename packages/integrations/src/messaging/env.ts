import { z } from 'zod';

const optional = z.string().min(1).optional();

/**
 * The message provider variables, for each process's env schema (`z.object({ ...mine, ...messagingEnvShape })`).
 * `pnpm start` fills them with the local fakes' addresses in development when none are given.
 */
export const messagingEnvShape = {
  SMTP_HOST: optional,
  SMTP_PORT: optional,
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  SMTP_USER: optional,
  SMTP_PASS: optional,
  EMAIL_FROM: optional,
  TWILIO_ACCOUNT_SID: optional,
  TWILIO_AUTH_TOKEN: optional,
  TWILIO_FROM: optional,
  /** The dashboard's public `/api/webhooks/twilio/status`; Twilio's signature covers this exact URL. */
  TWILIO_STATUS_CALLBACK_URL: z.url().optional(),
  TWILIO_BASE_URL: z.url().optional(),
  GALLABOX_API_KEY: optional,
  GALLABOX_API_SECRET: optional,
  GALLABOX_CHANNEL_ID: optional,
  GALLABOX_BASE_URL: z.url().optional(),
  /** Gallabox signs no webhook: the dashboard's webhook URL carries this as `?secret=`. */
  GALLABOX_WEBHOOK_SECRET: optional,
  /** The local fakes' combined inbox (`GET /inbox`), shown by the dashboard's /dev/outbox. */
  MESSAGING_INBOX_URL: z.url().optional(),
};

/** The message provider variables as an app's env module parsed them. */
export type MessagingEnv = { [name in keyof typeof messagingEnvShape]?: string | undefined };
