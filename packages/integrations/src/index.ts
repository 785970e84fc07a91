export type { MessageChannel, MessageChannels, OutgoingMessage } from './messaging/channel';
export { LocalChannel, localChannels, recentLocalMessages } from './messaging/local-channel';
export {
  deliverDueNotifications,
  deliverNotification,
  enqueueNotification,
  type DeliveryDeps,
  type EnqueueInput,
} from './messaging/outbox';
export { renderTemplate, type TemplateName } from './messaging/templates';
export { seal, unseal } from './seal';
