/**
 * `pnpm bench` (dashboard): the calendar's day view in Chromium on a full day, 30 clinicians and
 * 400 appointments at one centre. Runs the built apps exactly as `pnpm start` does, against a
 * fresh embedded database with the demo clinic and the full day, on ports 3400/3401; signs in as
 * the front desk; then times opening the day (navigation to every card on screen), switching to
 * the next day and back. Prints medians; asserts nothing but that the day loaded. Needs the apps
 * built (turbo builds them first when run through `pnpm bench`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addFullDays, FULL_DAY, fullDayDates } from '@carelane/api/bench/full-day';
import { withDemoDatabase } from '@carelane/api/bench/helpers';
import { DEMO } from '@carelane/db/demo';
import { chromium, type Page } from '@playwright/test';
import { appEnvironment, chromiumPath } from './env';

const RUNS = 5;
const DASHBOARD_PORT = 3400;
const BOOKING_PORT = 3401;
const ORIGIN = `http://localhost:${DASHBOARD_PORT}`;
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const executablePath = chromiumPath;

/** Starts the whole system on our own ports; resolves once it says it is running. */
async function startApps(databaseUrl: string, dataDir: string): Promise<ChildProcess> {
  const child = spawn('pnpm', ['--filter', '@carelane/worker', 'run', 'start:all'], {
    cwd: REPO_ROOT,
    // Its own process group, so stopping it stops the apps it started too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: appEnvironment({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      DASHBOARD_PORT: String(DASHBOARD_PORT),
      BOOKING_PORT: String(BOOKING_PORT),
      APP_ENV: 'development',
    }),
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the apps did not start:\n${output}`)), 240_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Carelane is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`the apps exited (${code}):\n${output}`)));
  });
  return child;
}

async function stopApps(child: ChildProcess) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

/** Resolves with the page's clock once `date`'s columns and all their cards are in the document. */
async function dayShown(page: Page, date: string): Promise<number> {
  const handle = await page.waitForFunction(
    ({ date, cards }) =>
      document.querySelector(`[data-testid$="-${date}"]`) &&
      document.querySelectorAll('[data-testid="appointment-card"]').length === cards
        ? performance.now()
        : false,
    { date, cards: FULL_DAY.appointments },
    { polling: 'raf', timeout: 60_000 },
  );
  return Number(await handle.jsonValue());
}

/** Clicks a button and returns the page's clock at the click, read inside the page. */
async function clickAt(page: Page, name: string): Promise<number> {
  await page.evaluate(() => {
    document.addEventListener('click', () => Object.assign(window, { benchClickAt: performance.now() }), {
      capture: true,
      once: true,
    });
  });
  await page.getByRole('button', { name }).click();
  return page.evaluate(() => Number((window as Window & { benchClickAt?: number }).benchClickAt));
}

/** The latest calendar.view request the page made: its duration, end and bytes over the wire. */
async function lastCalendarRequest(page: Page) {
  return page.evaluate(() => {
    const entries = performance
      .getEntriesByType('resource')
      .filter((e): e is PerformanceResourceTiming => e.name.includes('calendar.view'));
    const last = entries[entries.length - 1];
    return last ? { ms: last.duration, end: last.responseEnd, bytes: last.transferSize } : null;
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

await withDemoDatabase(async ({ db, url }) => {
  const [day, nextDay] = fullDayDates(new Date());
  await addFullDays(db, [day, nextDay]);
  const dataDir = mkdtempSync(join(tmpdir(), 'carelane-render-bench-'));
  const apps = await startApps(url, dataDir);
  const stopOnCtrlC = () => void stopApps(apps).then(() => process.exit(130));
  process.once('SIGINT', stopOnCtrlC);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${ORIGIN}/sign-in`);
    await page.getByLabel('Email or phone').fill(DEMO.staff.frontDesk.email);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/today/);

    const rows = { open: [] as number[], request: [] as number[], render: [] as number[], next: [] as number[] };
    const back: number[] = [];
    let bytes = 0;
    // One run more than counted: the first warms the server's compiled routes and caches.
    for (let run = 0; run <= RUNS; run++) {
      await page.goto(`${ORIGIN}/calendar?date=${day}`, { waitUntil: 'commit' });
      const shown = await dayShown(page, day);
      const request = await lastCalendarRequest(page);
      const nextAt = await clickAt(page, 'Next day');
      const nextShown = await dayShown(page, nextDay);
      const backAt = await clickAt(page, 'Previous day');
      const backShown = await dayShown(page, day);
      if (run === 0) continue;
      rows.open.push(shown);
      rows.request.push(request?.ms ?? 0);
      rows.render.push(shown - (request?.end ?? shown));
      rows.next.push(nextShown - nextAt);
      back.push(backShown - backAt);
      bytes = request?.bytes ?? 0;
    }

    const line = (label: string, values: number[]) =>
      console.log(
        `${label.padEnd(58)} ${median(values).toFixed(0).padStart(6)} ms   (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`,
      );
    console.log(
      `calendar day view in Chromium, ${day}: ${FULL_DAY.clinicians} clinicians, ${FULL_DAY.appointments} appointments; median of ${RUNS} runs\n`,
    );
    line('open the day (navigation to all cards in the page)', rows.open);
    line('  of which the calendar.view request', rows.request);
    line('  of which drawing after the response', rows.render);
    line('switch to the next day (click to all its cards)', rows.next);
    line('switch back (cached, click to all cards)', back);
    console.log(`calendar.view over the wire: ${(bytes / 1024).toFixed(1)} KB`);
  } finally {
    await browser.close();
    process.off('SIGINT', stopOnCtrlC);
    await stopApps(apps);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
