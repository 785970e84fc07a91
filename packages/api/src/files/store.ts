import { join } from 'node:path';
import { type FileStore, LocalDiskFileStore, type S3Config, S3FileStore } from '@carelane/integrations/files';

/**
 * Where logos and signatures are kept: an S3-compatible bucket when one is configured, otherwise
 * the `files` folder under the data folder; none without either (forms then say they are not set up).
 */
export function createFileStore(options: {
  s3?: S3Config | undefined;
  dataDir?: string | undefined;
}): FileStore | undefined {
  if (options.s3) return new S3FileStore(options.s3);
  return options.dataDir ? new LocalDiskFileStore(join(options.dataDir, 'files')) : undefined;
}
