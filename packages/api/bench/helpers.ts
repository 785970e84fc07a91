/** What the API benchmarks share: a demo database, a signed-in staff member, a timing loop. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffPrincipal } from '@carelane/auth';
import { createDb, type Database, staffUsers } from '@carelane/db';
import { ensureDatabase, runMigrations, seedDemo, startEmbeddedPostgres } from '@carelane/db/server';
import { eq } from 'drizzle-orm';
import { sessionCookie, signedInStaff } from '../test/fixtures';

/**
 * Runs `body` against a fresh embedded PostgreSQL server, migrated and seeded with the demo
 * clinic; stops the server and deletes its files afterwards, whatever happens.
 */
export async function withDemoDatabase(
  body: (demo: { db: Database; url: string; seeded: Awaited<ReturnType<typeof seedDemo>> }) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'carelane-bench-'));
  const server = await startEmbeddedPostgres(dir, { durable: false });
  try {
    await ensureDatabase(server.url('postgres'), 'bench');
    const { db, close } = createDb(server.url('bench'));
    try {
      await runMigrations(db);
      const seeded = await seedDemo(db);
      await body({ db, url: server.url('bench'), seeded });
    } finally {
      await close();
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A staff member signed in for real: the principal for in-process calls, the cookie for HTTP ones. */
export async function staffSession(db: Database, email: string) {
  const [user] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, email));
  if (!user) throw new Error(`no staff user ${email}`);
  const { sessionId, principal } = await signedInStaff(db, user.id);
  return { sessionId, principal: principal as StaffPrincipal, cookie: await sessionCookie(sessionId) };
}

/** Runs `run` 20 times to warm up, then `runs` times, and prints p50, p95 and max. */
export async function measure(name: string, run: () => Promise<unknown>, runs = 300) {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2);
  console.log(
    `${name.padEnd(44)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   max ${at(1).padStart(7)} ms`,
  );
}
