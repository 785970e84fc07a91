import { z } from 'zod';

/**
 * The database's environment variables, for each process's env schema
 * (`z.object({ ...dbEnvShape, ...authEnvShape, ...mine })`). The worker and the database commands
 * make DATABASE_URL optional (they start an embedded server without it).
 */
export const dbEnvShape = {
  DATABASE_URL: z.url({ error: 'DATABASE_URL must be a postgres:// URL' }),
  /** The data folder: embedded database, generated secret, uploaded import files, and logos and signatures without a bucket. */
  DATA_DIR: z.string().default('.data'),
};
