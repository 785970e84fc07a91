import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { BOOKING_PORT, DASHBOARD_PORT } from './urls';

// End-to-end tests run the whole system exactly as `pnpm start` does (built apps, embedded
// PostgreSQL, demo seed, worker) in a fresh data folder on ports of their own. Each app keeps the
// specs that drive it (apps/<app>/e2e); they all run in this one Playwright run against one
// started system, since starting it takes minutes. Shared helpers live beside this file.
// biome-ignore lint/style/noProcessEnv: test configuration, read once here
const dataDir = process.env.E2E_DATA_DIR ?? join(tmpdir(), `carelane-e2e-${Date.now()}`);
// Test workers load this file again: they must find the same folder (its auth-secret signs links).
// biome-ignore lint/style/noProcessEnv: test configuration, read once here
process.env.E2E_DATA_DIR = dataDir;
// go-live.spec.ts (dashboard project) starts its own empty system without the demo, on ports
// 3210/3211, and stops it itself. E2E_DEMO=off skips the demo system to run such a spec alone:
// `E2E_DEMO=off npx playwright test ../apps/dashboard/e2e/go-live.spec.ts`.
// biome-ignore lint/style/noProcessEnv: test configuration, read once here
const demoSystem = process.env.E2E_DEMO !== 'off';
// biome-ignore lint/style/noProcessEnv: test configuration, read once here
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: join(tmpdir(), 'carelane-e2e-results'),
  use: {
    // Paths are the dashboard's, in the booking specs too (their staff steps); the booking site by URLS.booking.
    baseURL: `http://localhost:${DASHBOARD_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // Specs share one database, one at a time: the booking site's files in name order, then the
  // dashboard's (the booking specs sign in as the demo patient whose number patients.spec.ts
  // changes and puts back).
  projects: [
    { name: 'booking', testDir: '../apps/booking/e2e', use: { ...devices['Desktop Chrome'] } },
    { name: 'dashboard', testDir: '../apps/dashboard/e2e', use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: demoSystem
    ? {
        command: 'pnpm --filter @carelane/worker run start:all',
        cwd: '..',
        wait: { stdout: /Carelane is running/ },
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        env: {
          DATA_DIR: dataDir,
          DASHBOARD_PORT: String(DASHBOARD_PORT),
          BOOKING_PORT: String(BOOKING_PORT),
          APP_ENV: 'development',
          // The specs drive the demo clinics; without this an empty system waits for its first-run setup.
          SEED_DEMO: 'true',
        },
      }
    : undefined,
});
