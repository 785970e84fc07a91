import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type FreshSystem = {
  dashboard: string;
  booking: string;
  /** The first-run setup code from the start-up output (the dashboard prints it, the banner repeats it). */
  setupCode: string;
  /** Ends the whole process group (launcher, worker, both apps, PostgreSQL) and deletes its data. */
  stop: () => Promise<void>;
};

const REPO_ROOT = join(import.meta.dirname, '..');
const SETUP_CODE = /setup code:? ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/g;

/**
 * Starts the whole system as `pnpm start` does on a new server: an empty database in a data folder
 * of its own, no demo, on the given ports; resolves once its banner says it is running.
 * For specs that need a system of their own beside the config's demo one.
 */
export async function startFreshSystem(ports: { dashboard: number; booking: number }): Promise<FreshSystem> {
  // Not created here: the launcher makes it enterable for PostgreSQL's own user (mkdtemp's 0700 is not).
  const dataDir = join(tmpdir(), `carelane-fresh-${Date.now()}`);
  // The runner's environment (PATH, pnpm's) without anything that would point at another system.
  // biome-ignore lint/style/noProcessEnv: the child system's environment
  const { SEED_DEMO, DATABASE_URL, BOOKING_ORGANIZATION, AUTH_SECRET, ...inherited } = process.env;
  const child = spawn('pnpm', ['--filter', '@carelane/worker', 'run', 'start:all'], {
    cwd: REPO_ROOT,
    // Its own process group, so stop() reaches every process it starts.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      DATA_DIR: dataDir,
      DASHBOARD_PORT: String(ports.dashboard),
      BOOKING_PORT: String(ports.booking),
      APP_ENV: 'development',
    },
  });
  const stop = () => stopGroup(child, dataDir);

  let output = '';
  const running = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not running after 4 minutes:\n${output.slice(-2000)}`)), 240_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Carelane is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the system stopped (${code ?? 'signal'}):\n${output.slice(-2000)}`));
    });
  });
  try {
    await running;
  } catch (err) {
    await stop();
    throw err;
  }
  const setupCode = [...output.matchAll(SETUP_CODE)].at(-1)?.[1];
  if (!setupCode) {
    await stop();
    throw new Error(`no setup code in the start-up output:\n${output.slice(-2000)}`);
  }
  return {
    dashboard: `http://localhost:${ports.dashboard}`,
    booking: `http://localhost:${ports.booking}`,
    setupCode,
    stop,
  };
}

async function stopGroup(child: ChildProcess, dataDir: string) {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
  // The launcher stops the apps and PostgreSQL cleanly on SIGTERM; whatever is left after that goes.
  signalGroup('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  await new Promise((resolve) => setTimeout(resolve, 500));
  signalGroup('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}
