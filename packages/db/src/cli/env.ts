import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The database CLIs' configuration (`pnpm db:migrate | db:seed | db:studio`), validated once.
 * Nothing else in the CLIs reads process.env.
 */
const schema = z.object({
  DATABASE_URL: z.url({ error: 'DATABASE_URL must be a postgres:// URL' }).optional(),
});

function load() {
  // biome-ignore lint/style/noProcessEnv: this module is the CLIs' one reader of the environment
  const parsed = schema.safeParse({ DATABASE_URL: process.env.DATABASE_URL || undefined });
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}

export const cliEnv = {
  ...load(),
  /** The repository root; the embedded server's data lives in `<root>/.data`. */
  repoRoot: fileURLToPath(new URL('../../../../', import.meta.url)),
};

/** The environment for a child process (drizzle-kit): ours, with the resolved database URL. */
export function childEnv(databaseUrl: string): NodeJS.ProcessEnv {
  // biome-ignore lint/style/noProcessEnv: the child inherits PATH and friends
  return { ...process.env, DATABASE_URL: databaseUrl };
}
