export type { MessageChannel, MessageChannels, OutgoingMessage } from './messaging/channel';
export { type AppointmentIcsInput, appointmentIcs } from './messaging/ics';
export { LocalChannel, localChannels, recentLocalMessages } from './messaging/local-channel';
export {
  type DeliveryDeps,
  deliverDueNotifications,
  deliverNotification,
  type EnqueueInput,
  enqueueNotification,
} from './messaging/outbox';
export { renderTemplate, type TemplateName } from './messaging/templates';
export { seal, unseal } from './seal';
export { JitsiVideoLinks, type VideoLinkProvider } from './video/video-links';
