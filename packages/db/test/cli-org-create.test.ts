import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbClient } from '../src/client';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/embedded';
import { ensureDatabase } from '../src/migrate';
import { verifyPassword } from '../src/password';
import { organizations, questionnaireVersions, staffUsers } from '../src/schema';

const cli = fileURLToPath(new URL('../src/cli/carelane.ts', import.meta.url));

let dir = '';
let server: EmbeddedServer | undefined;
let client: DbClient | undefined;
let url = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carelane-cli-'));
  server = await startEmbeddedPostgres(dir, { durable: false });
  await ensureDatabase(server.url('postgres'), 'clitest');
  url = server.url('clitest');
  client = createDb(url, { max: 2 });
});

afterAll(async () => {
  await client?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs `pnpm carelane …` against the test database, the password piped on standard input. */
function carelane(args: string[], stdin = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      // biome-ignore lint/style/noProcessEnv: the child needs PATH, and only the test database
      env: { PATH: process.env.PATH, DATABASE_URL: url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.stdin.end(stdin);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const ASHA = [
  'org:create',
  '--name',
  'Asha Family Clinic',
  '--slug',
  'asha-clinic',
  '--centre',
  'Indiranagar',
  '--address',
  '12 CMH Road',
  '--city',
  'Bengaluru',
  '--admin-name',
  'Asha Rao',
  '--admin-email',
  'asha@example.com',
];

describe('pnpm carelane', () => {
  it('explains itself', async () => {
    const run = await carelane(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('org:create');
    expect(run.stdout).toContain('--admin-email');
  });

  // Each run starts tsx and migrates: seconds each on a busy machine.
  it('creates an organization with its admin, the password from standard input', async () => {
    const run = await carelane(ASHA, 'river-lantern-42\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/created organization "Asha Family Clinic" \(slug asha-clinic/);
    const db = client?.db;
    if (!db) throw new Error('no db');
    const [org] = await db.select().from(organizations).where(eq(organizations.slug, 'asha-clinic'));
    expect(org).toMatchObject({ country: 'IN', currency: 'INR', defaultZone: 'Asia/Kolkata' });
    const [admin] = await db
      .select()
      .from(staffUsers)
      .where(eq(staffUsers.organizationId, org?.id ?? ''));
    expect(admin?.role).toBe('admin');
    expect(await verifyPassword(admin?.passwordHash ?? '', 'river-lantern-42')).toBe(true);
    const [versions] = await db
      .select({ n: count() })
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.organizationId, org?.id ?? ''));
    expect(versions?.n).toBe(1);
  });

  it('names the flag to fix in one line each, and creates nothing', async () => {
    const taken = await carelane(
      ASHA.map((a) => (a === 'asha@example.com' ? 'other@example.com' : a)),
      'river-lantern-42\n',
    );
    expect(taken.status).toBe(1);
    expect(taken.stderr.trim()).toBe('--slug: This booking-site address is taken. Choose another');

    const bad = await carelane(
      ASHA.map((a) => (a === 'asha-clinic' ? 'Asha Clinic!' : a)).concat(['--currency', 'RUPEES']),
      'river-lantern-42\n',
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^--slug: Use lowercase letters/m);
    expect(bad.stderr).toMatch(/^--currency: Choose a currency/m);

    const short = await carelane(
      ASHA.map((a) => (a === 'asha-clinic' ? 'second-clinic' : a === 'asha@example.com' ? 'b@example.com' : a)),
      'short\n',
    );
    expect(short.status).toBe(1);
    expect(short.stderr.trim()).toBe('password: Use at least 10 characters');

    const [orgs] = (await (client?.db ?? null)?.select({ n: count() }).from(organizations)) ?? [];
    expect(orgs?.n).toBe(1);
  });

  it('says which command it does not know', async () => {
    const run = await carelane(['org:delete']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown command "org:delete"');
  });
});
