export type { MessageAttachment, MessageChannel, MessageChannels, OutgoingMessage } from './messaging/channel';
export { ChannelError } from './messaging/channel-error';
export { type AppointmentIcsInput, appointmentIcs } from './messaging/ics';
export { LocalChannel, localChannels, recentLocalMessages } from './messaging/local-channel';
export { type EnqueueInput, enqueueNotification } from './messaging/outbox';
export { seal, unseal } from './seal';
export { JitsiVideoLinks, type VideoLinkProvider } from './video/video-links';
