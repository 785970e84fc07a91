import { fileURLToPath } from 'node:url';
import { parseEnv } from '@carelane/core';
import { z } from 'zod';
import { dbEnvShape } from '../env';

/**
 * The database CLIs' configuration (`pnpm db:migrate | db:seed | db:studio`), validated once.
 * Nothing else in the CLIs reads process.env.
 */
const schema = z.object({
  // Without it, the embedded server in `<root>/.data` is used.
  DATABASE_URL: dbEnvShape.DATABASE_URL.optional(),
  // The data folder of the embedded server (`pnpm carelane`); default <root>/.data.
  DATA_DIR: z.string().min(1).optional(),
});

function load() {
  // An empty DATABASE_URL counts as unset.
  // biome-ignore lint/style/noProcessEnv: this module is the CLIs' one reader of the environment
  const e = process.env;
  return parseEnv(
    schema,
    { DATABASE_URL: e.DATABASE_URL || undefined, DATA_DIR: e.DATA_DIR || undefined },
    'database command',
  );
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
