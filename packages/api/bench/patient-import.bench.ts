// Import of a 100,000-row CSV: upload and dry run (in this process, as the dashboard runs them)
// and the batched import job in a separate process as the worker runs it, each with wall time and
// peak resident memory (targets for the job: ≤ 20 s, ≤ 300 MB).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO } from '@carelane/db/demo';
import { savePatientImport } from '../src/routers/patient-imports/upload';
import { tenantOf } from '../src/tenancy';
import type { StaffContext } from '../src/trpc';
import { callerAs, deps } from '../test/fixtures';
import { staffSession, withDemoDatabase } from './helpers';

// `tsx bench/patient-import.bench.ts 30000 --cpu-prof`: fewer rows, and a CPU profile of the job's process in the temp folder.
const ROWS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
const PROFILE = process.argv.includes('--cpu-prof');
const FIRST = ['Aarav', 'Ananya', 'Diya', 'Ishaan', 'Kavya', 'Meera', 'Rohan', 'Saanvi', 'Arjun', 'Priya'];
const LAST = ['Sharma', 'Iyer', 'Reddy', 'Nair', 'Patel', 'Khan', 'Gupta', 'Rao', 'Menon', 'Das'];

/** Writes the file a line at a time: 1 in 50 rows has a bad phone, 1 in 100 repeats an earlier one. */
async function writeCsv(path: string) {
  const out = createWriteStream(path);
  out.write('Clinic export\r\n\r\nName,Mobile No,DOB,Gender,Email,City\r\n');
  for (let i = 0; i < ROWS; i++) {
    const n = i % 100 === 99 ? i - 50 : i;
    const phone = i % 50 === 7 ? '12345' : `+91 9${String(600_000_000 + n * 3).padStart(9, '0')}`;
    const dob = `${String((n % 28) + 1).padStart(2, '0')}/${String((n % 12) + 1).padStart(2, '0')}/${1940 + (n % 80)}`;
    const line = `${FIRST[n % 10]} ${LAST[(n >> 3) % 10]},${phone},${dob},${n % 2 ? 'F' : 'M'},p${n}@example.com,Pune\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs `body`, sampling this process's resident memory; prints wall time and the peak. */
async function phase<T>(name: string, body: () => Promise<T>, targets?: { seconds: number; mb: number }): Promise<T> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 25);
  const started = performance.now();
  try {
    return await body();
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage.rss());
    const seconds = (performance.now() - started) / 1000;
    const mb = peak / 1024 / 1024;
    const verdict = targets
      ? `  (targets ${targets.seconds} s, ${targets.mb} MB: ${seconds <= targets.seconds && mb <= targets.mb ? 'met' : 'MISSED'})`
      : '';
    console.log(
      `${name.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s   peak RSS ${mb.toFixed(0).padStart(4)} MB${verdict}`,
    );
  }
}

/** Runs the queued import in a separate process, as the worker would, and reads its figures. */
async function runWorker(url: string, dataDir: string): Promise<{ seconds: number; peakMb: number }> {
  const child = spawn(
    process.execPath,
    [
      ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${tmpdir()}`] : []),
      '--import',
      'tsx',
      fileURLToPath(new URL('./patient-import-worker.ts', import.meta.url)),
      url,
      dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`import worker exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { seconds: number; peakMb: number };
}

const dataDir = await mkdtemp(join(tmpdir(), 'carelane-import-bench-'));
try {
  const csv = join(dataDir, 'patients-100k.csv');
  await writeCsv(csv);
  await withDemoDatabase(async ({ db, url }) => {
    const { principal } = await staffSession(db, DEMO.staff.frontDesk.email);
    const ctx: StaffContext = {
      ...deps(db, { dataDir }),
      principal,
      tenant: tenantOf(principal.organizationId),
      requestId: 'bench',
      ip: null,
    };
    const caller = callerAs(db, principal, { dataDir });
    console.log(`patient import of ${ROWS.toLocaleString()} CSV rows (batches of 500, embedded PostgreSQL)`);

    const importOnce = async (label: string) => {
      const job = await phase(`${label}: upload (streamed to disk)`, () =>
        savePatientImport(ctx, dataDir, { name: 'patients-100k.csv', body: createReadStream(csv) }),
      );
      const dry = await phase(`${label}: dry run`, () =>
        caller.patientImports.dryRun({ id: job.id, mapping: job.mapping ?? {} }),
      );
      await caller.patientImports.start({ id: job.id });
      const worker = await runWorker(url, dataDir);
      const met = worker.seconds <= 20 && worker.peakMb <= 300;
      console.log(
        `${`${label}: import job (worker process)`.padEnd(34)} ${worker.seconds.toFixed(2).padStart(7)} s   peak RSS ${worker.peakMb.toFixed(0).padStart(4)} MB` +
          `  (targets 20 s, 300 MB: ${met ? 'met' : 'MISSED'})`,
      );
      const done = await caller.patientImports.byId({ id: job.id });
      console.log(
        `  dry run: ${dry.counts.create} new, ${dry.counts.unchanged} unchanged, ${dry.counts.skip} skipped; ` +
          `job: ${done.status}, ${done.created} created, ${done.updated} updated, ${done.unchanged} unchanged, ${done.skipped} skipped`,
      );
    };
    await importOnce('first run');
    await importOnce('re-run (all matched)');
  });
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
