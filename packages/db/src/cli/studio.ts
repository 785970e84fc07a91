/**
 * `pnpm db:studio`: Drizzle Studio on DATABASE_URL, or on the embedded server in <repo>/.data
 * (the running one, or one started for the session).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareDatabase } from '../prepare';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
// biome-ignore lint/style/noProcessEnv: CLI entry point
const databaseUrl = process.env.DATABASE_URL || undefined;

const prepared = await prepareDatabase({ databaseUrl, dataDir: join(root, '.data'), seed: 'never', log: console.log });
const studio = spawn('drizzle-kit', ['studio'], {
  cwd: root,
  // biome-ignore lint/style/noProcessEnv: the child inherits PATH and gets the resolved URL
  env: { ...process.env, DATABASE_URL: prepared.url },
  stdio: 'inherit',
});
const stop = () => studio.kill('SIGTERM');
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
studio.once('exit', async (code) => {
  await prepared.stop();
  process.exit(code ?? 0);
});
