/**
 * `pnpm bench`: latency of the foundation's hot paths on the demo data, in process (handler +
 * database) and over HTTP (the real fetch handler). Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRateLimits, createStaffSession, loadPrincipal, type StaffPrincipal } from '@carelane/auth';
import { createDb, patients, staffUsers } from '@carelane/db';
import { DEMO, ensureDatabase, runMigrations, seedDemo, startEmbeddedPostgres } from '@carelane/db/server';
import { JitsiVideoLinks, localChannels } from '@carelane/integrations';
import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { type ApiDeps, appRouter, createCallerFactory, createTrpcHandler } from '../src';

const SECRET = 'bench-secret-that-is-at-least-32-characters';
const RUNS = 300;

async function measure(name: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
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

const dir = mkdtempSync(join(tmpdir(), 'carelane-bench-'));
const server = await startEmbeddedPostgres(dir, { durable: false });
try {
  await ensureDatabase(server.url('postgres'), 'bench');
  const { db, close } = createDb(server.url('bench'));
  await runMigrations(db);
  const seeded = await seedDemo(db);
  console.log(`demo data: ${seeded.patients} patients, ${seeded.appointments} appointments; ${RUNS} runs each\n`);

  const [frontDesk] = await db.select().from(staffUsers).where(eq(staffUsers.email, DEMO.staff.frontDesk.email));
  const [patient] = await db.select().from(patients).where(eq(patients.phone, DEMO.patient.phone));
  if (!frontDesk || !patient) throw new Error('demo accounts missing');
  const sessionId = await createStaffSession(db, frontDesk.id, {});
  const principal = (await loadPrincipal(db, sessionId)) as StaffPrincipal;
  const deps: ApiDeps = {
    db,
    secret: SECRET,
    rateLimits: createRateLimits(db),
    channels: localChannels(db),
    videoLinks: new JitsiVideoLinks(),
    bookingUrl: 'http://localhost:3001',
    audience: 'staff',
    siteOrganizationId: null,
  };
  const caller = createCallerFactory(appRouter)({ ...deps, principal, requestId: 'bench', ip: null });

  await measure('session check (loadPrincipal)', () => loadPrincipal(db, sessionId));
  await measure('appointments.day (Today page, in process)', () => caller.appointments.day({}));
  await measure('clinicians.directory (in process)', () => caller.clinicians.directory({}));
  await measure('patients.byId incl. audit write (in process)', () => caller.patients.byId({ id: patient.id }));

  const handler = createTrpcHandler(() => deps);
  const http = createServer(async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const response = await handler(new Request(`http://127.0.0.1${req.url}`, { headers }));
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const cookie = `carelane.staff.session=${await encode({ token: { sid: sessionId }, secret: SECRET })}`;
  const input = encodeURIComponent(JSON.stringify({ json: {} }));
  await measure('GET /api/trpc/appointments.day over HTTP', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/trpc/appointments.day?input=${input}`, {
      headers: { cookie },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await response.arrayBuffer();
  });
  http.close();
  await close();
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
