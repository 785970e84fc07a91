import { z } from 'zod';

/**
 * The sign-in environment variables, for each process's env schema (`z.object({ ...authEnvShape, ...mine })`).
 * The worker makes AUTH_SECRET optional (it generates one in development).
 */
export const authEnvShape = {
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
  APP_ENV: z.enum(['development', 'production']).default('development'),
};
