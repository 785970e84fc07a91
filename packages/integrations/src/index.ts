export { type FakeS3, startFakeS3 } from './files/fake-s3';
export {
  assertValidFileKey,
  type FileContent,
  type FileStore,
  InvalidFileKeyError,
  isValidFileKey,
  type PutOptions,
  type StoredFile,
} from './files/file-store';
export {
  DEFAULT_MAX_IMAGE_BYTES,
  type ImageInfo,
  ImageRejectedError,
  type ImageType,
  inspectImage,
  type ResizedImage,
  resizeForDisplay,
  sniffImageType,
} from './files/images';
export { LocalDiskFileStore } from './files/local-disk';
export { type S3Config, S3FileStore } from './files/s3';
export type { MessageChannel, MessageChannels, OutgoingMessage } from './messaging/channel';
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
