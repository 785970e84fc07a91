import type { S3Config } from './s3';

/** The FILES_S3_* variables as an app's env module parsed them. */
export type FilesBucketEnv = {
  FILES_S3_ENDPOINT?: string | undefined;
  FILES_S3_BUCKET?: string | undefined;
  FILES_S3_REGION: string;
  FILES_S3_ACCESS_KEY_ID?: string | undefined;
  FILES_S3_SECRET_ACCESS_KEY?: string | undefined;
};

/** The bucket for logos and signatures when one is configured (else the data folder is used). */
export function filesBucketFromEnv(e: FilesBucketEnv, app: string): S3Config | undefined {
  if (!e.FILES_S3_ENDPOINT) return undefined;
  if (!e.FILES_S3_BUCKET || !e.FILES_S3_ACCESS_KEY_ID || !e.FILES_S3_SECRET_ACCESS_KEY) {
    throw new Error(
      `Invalid ${app} configuration: FILES_S3_ENDPOINT needs FILES_S3_BUCKET, FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY`,
    );
  }
  return {
    endpoint: e.FILES_S3_ENDPOINT,
    bucket: e.FILES_S3_BUCKET,
    region: e.FILES_S3_REGION,
    accessKeyId: e.FILES_S3_ACCESS_KEY_ID,
    secretAccessKey: e.FILES_S3_SECRET_ACCESS_KEY,
  };
}
