export type { MessageAttachment, MessageChannel, MessageChannels, OutgoingMessage } from './messaging/channel';
export { ChannelError } from './messaging/channel-error';
export { type AppointmentIcsInput, appointmentIcs } from './messaging/ics';
export { JitsiVideoLinks, type VideoLinkProvider } from './video/video-links';
