import { z } from 'zod';

/** An S3-compatible bucket (AWS S3, MinIO, R2) for logos and signatures; all four or none (see filesBucketFromEnv). */
export const filesEnvShape = {
  FILES_S3_ENDPOINT: z.url().optional(),
  FILES_S3_BUCKET: z.string().min(1).optional(),
  FILES_S3_REGION: z.string().min(1).default('us-east-1'),
  FILES_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  FILES_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
};
