import type { MessageChannels } from './channel';
import type { MessagingEnv } from './env';
import { type GallaboxConfig, GallaboxWhatsAppChannel } from './gallabox-whatsapp';
import { type SmtpConfig, SmtpEmailChannel } from './smtp-email';
import { TwilioSmsChannel, type TwilioSmsConfig } from './twilio-sms';

/** Each provider that is configured; one left out is delivered by the fallback (the local channel). */
export type MessagingConfig = { email?: SmtpConfig; sms?: TwilioSmsConfig; whatsapp?: GallaboxConfig };

function required(e: MessagingEnv, app: string, first: keyof MessagingEnv, others: (keyof MessagingEnv)[]): void {
  const missing = others.filter((name) => !e[name]);
  if (missing.length > 0) throw new Error(`Invalid ${app} configuration: ${first} needs ${missing.join(' and ')}`);
}

/** Reads the providers from env variables: each is on when its first variable is set, and then complete. */
export function messagingConfigFromEnv(e: MessagingEnv, app: string): MessagingConfig {
  const config: MessagingConfig = {};
  if (e.SMTP_HOST) {
    required(e, app, 'SMTP_HOST', ['EMAIL_FROM']);
    const port = Number(e.SMTP_PORT ?? '587');
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new Error(`Invalid ${app} configuration: SMTP_PORT must be a port number`);
    }
    config.email = {
      host: e.SMTP_HOST,
      port,
      secure: e.SMTP_SECURE === undefined ? port === 465 : e.SMTP_SECURE === 'true',
      ...(e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASS ?? '' } : {}),
      from: e.EMAIL_FROM ?? '',
    };
  }
  if (e.TWILIO_ACCOUNT_SID) {
    required(e, app, 'TWILIO_ACCOUNT_SID', ['TWILIO_AUTH_TOKEN', 'TWILIO_FROM']);
    config.sms = {
      accountSid: e.TWILIO_ACCOUNT_SID,
      authToken: e.TWILIO_AUTH_TOKEN ?? '',
      from: e.TWILIO_FROM ?? '',
      ...(e.TWILIO_STATUS_CALLBACK_URL ? { statusCallbackUrl: e.TWILIO_STATUS_CALLBACK_URL } : {}),
      ...(e.TWILIO_BASE_URL ? { baseUrl: e.TWILIO_BASE_URL } : {}),
    };
  }
  if (e.GALLABOX_API_KEY) {
    required(e, app, 'GALLABOX_API_KEY', ['GALLABOX_API_SECRET', 'GALLABOX_CHANNEL_ID']);
    config.whatsapp = {
      apiKey: e.GALLABOX_API_KEY,
      apiSecret: e.GALLABOX_API_SECRET ?? '',
      channelId: e.GALLABOX_CHANNEL_ID ?? '',
      ...(e.GALLABOX_BASE_URL ? { baseUrl: e.GALLABOX_BASE_URL } : {}),
    };
  }
  return config;
}

/** The real adapter for each configured provider, the fallback's channel for the rest. */
export function providerChannels(config: MessagingConfig, fallback: MessageChannels): MessageChannels {
  return {
    email: config.email ? new SmtpEmailChannel(config.email) : fallback.email,
    sms: config.sms ? new TwilioSmsChannel(config.sms) : fallback.sms,
    whatsapp: config.whatsapp ? new GallaboxWhatsAppChannel(config.whatsapp) : fallback.whatsapp,
  };
}
