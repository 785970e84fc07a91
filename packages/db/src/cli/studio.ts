/**
 * `pnpm db:studio`: Drizzle Studio on DATABASE_URL, or on the embedded server in <repo>/.data
 * (the running one, or one started for the session).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { prepareDatabase } from '../prepare';
import { childEnv, cliEnv } from './env';

const root = cliEnv.repoRoot;
const databaseUrl = cliEnv.DATABASE_URL;

const prepared = await prepareDatabase({ databaseUrl, dataDir: join(root, '.data'), seed: 'never', log: console.log });
const studio = spawn('drizzle-kit', ['studio'], {
  cwd: root,
  env: childEnv(prepared.url),
  stdio: 'inherit',
});
const stop = () => studio.kill('SIGTERM');
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
studio.once('exit', async (code) => {
  await prepared.stop();
  process.exit(code ?? 0);
});
