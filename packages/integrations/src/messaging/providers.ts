// The real message providers and what the apps need beside them, without the fake servers
// (smtp-server, mailparser): the entry point the Next.js apps bundle.

export type { MessageAttachment, MessageChannel, MessageChannels, OutgoingMessage } from './channel';
export { ChannelError, type ChannelErrorKind } from './channel-error';
export { type MessagingConfig, messagingConfigFromEnv, providerChannels } from './config';
export { type MessagingEnv, messagingEnvShape } from './env';
export { type InboxAttachment, type InboxMessage, readFakeInbox } from './inbox';
export { senderAddress } from './smtp-email';
export { verifyTwilioSignature } from './twilio-signature';
export { UnconfiguredChannel, unconfiguredChannels } from './unconfigured';
