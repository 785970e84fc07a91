import type { NotificationChannel } from '@carelane/core';
import { describe, expect, it } from 'vitest';
import type { MessageChannel, MessageChannels } from '../src/messaging/channel';
import { messagingConfigFromEnv, providerChannels } from '../src/messaging/config';
import { GallaboxWhatsAppChannel } from '../src/messaging/gallabox-whatsapp';
import { SmtpEmailChannel } from '../src/messaging/smtp-email';
import { TwilioSmsChannel } from '../src/messaging/twilio-sms';

const local: MessageChannel = { name: 'local', send: async () => ({ providerMessageId: 'local-1' }) };
const fallback: MessageChannels = { sms: local, whatsapp: local, email: local };

describe('messagingConfigFromEnv', () => {
  it('leaves every provider off when nothing is set, so the fallback delivers everything', () => {
    const config = messagingConfigFromEnv({}, 'worker');
    expect(config).toEqual({});
    const channels = providerChannels(config, fallback);
    for (const channel of ['sms', 'whatsapp', 'email'] as NotificationChannel[]) expect(channels[channel]).toBe(local);
  });

  it('reads each configured provider and builds its adapter', () => {
    const config = messagingConfigFromEnv(
      {
        SMTP_HOST: 'smtp.example',
        SMTP_PORT: '465',
        SMTP_USER: 'u',
        SMTP_PASS: 'p',
        EMAIL_FROM: 'Clinic <no-reply@clinic.example>',
        TWILIO_ACCOUNT_SID: 'AC1',
        TWILIO_AUTH_TOKEN: 't',
        TWILIO_FROM: '+15005550006',
        TWILIO_BASE_URL: 'http://127.0.0.1:4020',
        GALLABOX_API_KEY: 'k',
        GALLABOX_API_SECRET: 's',
        GALLABOX_CHANNEL_ID: 'c',
      },
      'worker',
    );
    expect(config.email).toEqual({
      host: 'smtp.example',
      port: 465,
      secure: true,
      user: 'u',
      pass: 'p',
      from: 'Clinic <no-reply@clinic.example>',
    });
    expect(config.sms).toEqual({
      accountSid: 'AC1',
      authToken: 't',
      from: '+15005550006',
      baseUrl: 'http://127.0.0.1:4020',
    });
    expect(config.whatsapp).toEqual({ apiKey: 'k', apiSecret: 's', channelId: 'c' });
    const channels = providerChannels(config, fallback);
    expect(channels.email).toBeInstanceOf(SmtpEmailChannel);
    expect(channels.sms).toBeInstanceOf(TwilioSmsChannel);
    expect(channels.whatsapp).toBeInstanceOf(GallaboxWhatsAppChannel);
  });

  it('names what a half-configured provider is missing', () => {
    expect(() => messagingConfigFromEnv({ TWILIO_ACCOUNT_SID: 'AC1' }, 'worker')).toThrow(
      'Invalid worker configuration: TWILIO_ACCOUNT_SID needs TWILIO_AUTH_TOKEN and TWILIO_FROM',
    );
    expect(() => messagingConfigFromEnv({ SMTP_HOST: 'smtp.example' }, 'worker')).toThrow('SMTP_HOST needs EMAIL_FROM');
    expect(() =>
      messagingConfigFromEnv({ SMTP_HOST: 'smtp.example', EMAIL_FROM: 'a@b.c', SMTP_PORT: 'x' }, 'worker'),
    ).toThrow('SMTP_PORT must be a port number');
  });
});
