import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { createDb } from './client';
import { startEmbeddedPostgres } from './embedded';
import { ensureDatabase, runMigrations } from './migrate';
import { isEmpty, seedDemo } from './seed';

export type PreparedDatabase = {
  url: string;
  embedded: boolean;
  seeded: boolean;
  stop: () => Promise<void>;
};

/** Written while this process's embedded server runs, so CLIs can use it instead of a second. */
const runningUrlFile = (dataDir: string) => join(dataDir, 'pg-running-url');

async function reachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/**
 * The one start-up path for every process that owns the database: use DATABASE_URL when set,
 * otherwise the embedded server under `dataDir` (the one already running there, or a new one);
 * migrate; seed the demo clinic when the database is empty and seeding is asked for.
 */
export async function prepareDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  seed: 'if-empty' | 'never';
  log?: (line: string) => void;
}): Promise<PreparedDatabase> {
  const log = options.log ?? (() => {});
  let url = options.databaseUrl;
  let stopServer = async () => {};
  if (!url) {
    const file = runningUrlFile(options.dataDir);
    const running = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
    if (running && (await reachable(running))) {
      log('using the embedded PostgreSQL server already running for this data folder');
      url = running;
    } else {
      log(`starting embedded PostgreSQL in ${join(options.dataDir, 'pg')}`);
      const server = await startEmbeddedPostgres(join(options.dataDir, 'pg'));
      await ensureDatabase(server.url('postgres'), 'carelane');
      url = server.url('carelane');
      writeFileSync(file, url, { mode: 0o600 });
      stopServer = async () => {
        rmSync(file, { force: true });
        await server.stop();
      };
    }
  }
  const { db, close } = createDb(url, { max: 2 });
  let seeded = false;
  try {
    await runMigrations(db);
    log('migrations applied');
    if (options.seed === 'if-empty' && (await isEmpty(db))) {
      log('empty database: seeding the demo clinic');
      await seedDemo(db);
      seeded = true;
    }
  } finally {
    await close();
  }
  return { url, embedded: !options.databaseUrl, seeded, stop: stopServer };
}
