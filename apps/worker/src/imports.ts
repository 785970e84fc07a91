import { expireUnstartedImports, runNextPatientImport } from '@carelane/api';
import type { Database } from '@carelane/db';
import { sleep } from './sleep';

/**
 * Runs queued patient imports until `signal` aborts, beside message delivery (a long import
 * must not hold up sign-in codes). Jobs are claimed with SKIP LOCKED, so workers share them.
 * Each pass also drops uploads nobody started within a week, with their files.
 */
export async function runImports(deps: { db: Database; dataDir: string; pollMs: number }, signal: AbortSignal) {
  while (!signal.aborted) {
    try {
      await expireUnstartedImports(deps);
      while (!signal.aborted && (await runNextPatientImport({ db: deps.db, dataDir: deps.dataDir }))) {}
    } catch (err) {
      console.error(`worker: import pass failed (${err instanceof Error ? err.name : 'error'})`);
    }
    await sleep(deps.pollMs, signal);
  }
}
