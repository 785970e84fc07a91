// Message providers: a separate entry point, so only code that sends or fakes messages loads them.

export type { MessageAttachment, MessageChannel, MessageChannels, OutgoingMessage } from './channel';
export { ChannelError, type ChannelErrorKind } from './channel-error';
export { type MessagingConfig, messagingConfigFromEnv, providerChannels } from './config';
export { type MessagingEnv, messagingEnvShape } from './env';
export { type FakeGallabox, type FakeGallaboxOptions, type FakeWhatsApp, startFakeGallabox } from './fake-gallabox';
export type { Callback } from './fake-http';
export { type FakeMessaging, type FakeMessagingOptions, startFakeMessaging } from './fake-messaging';
export {
  type FakeSmtp,
  type FakeSmtpOptions,
  type ReceivedAttachment,
  type ReceivedEmail,
  startFakeSmtp,
} from './fake-smtp';
export { type FakeSms, type FakeTwilio, type FakeTwilioOptions, startFakeTwilio } from './fake-twilio';
export { type GallaboxConfig, GallaboxWhatsAppChannel } from './gallabox-whatsapp';
export { type InboxAttachment, type InboxMessage, readFakeInbox } from './inbox';
export { NOTIFICATION_HEADER, type SmtpConfig, SmtpEmailChannel } from './smtp-email';
export { twilioSignature, verifyTwilioSignature } from './twilio-signature';
export { TwilioSmsChannel, type TwilioSmsConfig } from './twilio-sms';
export { UnconfiguredChannel, unconfiguredChannels } from './unconfigured';
