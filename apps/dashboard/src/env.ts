import { z } from 'zod';

/**
 * The dashboard's configuration, validated once. Nothing else reads process.env.
 * Parsed lazily so `next build` does not need runtime secrets.
 */
const schema = z.object({
  DATABASE_URL: z.url({ error: 'DATABASE_URL must be a postgres:// URL' }),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
  APP_ENV: z.enum(['development', 'production']).default('development'),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  BOOKING_URL: z.url().default('http://localhost:3001'),
  /** The data folder shared with the worker: uploaded patient imports are kept under it. */
  DATA_DIR: z.string().default('.data'),
});

export type DashboardEnv = z.infer<typeof schema>;

let cached: DashboardEnv | undefined;

export function env(): DashboardEnv {
  if (!cached) {
    // biome-ignore lint/style/noProcessEnv: this module is the one reader of the environment
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid dashboard configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Development tools (the /dev/outbox inbox) exist only outside production. */
export function devToolsEnabled(): boolean {
  return env().APP_ENV !== 'production';
}
