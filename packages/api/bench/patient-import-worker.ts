/**
 * The import job alone, in its own process as the worker runs it: `tsx bench/patient-import-worker.ts
 * <database url> <data dir>` runs queued imports to the end and prints one JSON line with its wall
 * time and this process's peak resident memory (the kernel's high-water mark, not a sample).
 */
import { createDb } from '@carelane/db';
import { runNextPatientImport } from '../src/routers/patient-imports/job';

const [url, dataDir] = process.argv.slice(2);
if (!url || !dataDir) throw new Error('usage: patient-import-worker.ts <database url> <data dir>');
const { db, close } = createDb(url, { max: 2 });
const started = performance.now();
try {
  while (await runNextPatientImport({ db, dataDir })) {}
} finally {
  await close();
}
console.log(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    // maxRSS is in kilobytes.
    peakMb: process.resourceUsage().maxRSS / 1024,
  }),
);
