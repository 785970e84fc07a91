import { join } from 'node:path';
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

/**
 * The one start-up path for every process that owns the database: use DATABASE_URL when set,
 * otherwise start the embedded server under `dataDir`; migrate; seed the demo clinic when the
 * database is empty (embedded) or when asked.
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
    log(`starting embedded PostgreSQL in ${join(options.dataDir, 'pg')}`);
    const server = await startEmbeddedPostgres(join(options.dataDir, 'pg'));
    await ensureDatabase(server.url('postgres'), 'carelane');
    url = server.url('carelane');
    stopServer = server.stop;
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
