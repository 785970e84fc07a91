// File storage and image checks: a separate entry point, so only code that stores files loads sharp (native).

export { type FilesBucketEnv, filesBucketFromEnv } from './config';
export { filesEnvShape } from './env';
export { type FakeS3, startFakeS3 } from './fake-s3';
export {
  assertValidFileKey,
  type FileContent,
  type FileStore,
  InvalidFileKeyError,
  isValidFileKey,
  type PutOptions,
  type StoredFile,
} from './file-store';
export {
  DEFAULT_MAX_IMAGE_BYTES,
  type ImageInfo,
  ImageRejectedError,
  type ImageType,
  inspectImage,
  type ResizedImage,
  resizeForDisplay,
  sniffImageType,
} from './images';
export { LocalDiskFileStore } from './local-disk';
export { type S3Config, S3FileStore } from './s3';
