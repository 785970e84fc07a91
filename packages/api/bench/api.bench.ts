/**
 * `pnpm bench`: latency of the foundation's hot paths on the demo data, in process (handler +
 * database) and over HTTP (the real fetch handler). Prints figures; asserts nothing.
 */
import { loadPrincipal } from '@carelane/auth';
import { patients } from '@carelane/db';
import { DEMO } from '@carelane/db/server';
import { eq } from 'drizzle-orm';
import { appRouter, createCallerFactory } from '../src';
import { deps, startApiServer } from '../test/fixtures';
import { measure, staffSession, withDemoDatabase } from './helpers';

const RUNS = 300;

await withDemoDatabase(async ({ db, seeded }) => {
  console.log(`demo data: ${seeded.patients} patients, ${seeded.appointments} appointments; ${RUNS} runs each\n`);
  const [patient] = await db.select().from(patients).where(eq(patients.phone, DEMO.patient.phone));
  if (!patient) throw new Error('demo patient missing');
  const { sessionId, principal, cookie } = await staffSession(db, DEMO.staff.frontDesk.email);
  const apiDeps = deps(db);
  const caller = createCallerFactory(appRouter)({ ...apiDeps, principal, requestId: 'bench', ip: null });

  await measure('session check (loadPrincipal)', () => loadPrincipal(db, sessionId), RUNS);
  await measure('appointments.day (Today page, in process)', () => caller.appointments.day({}), RUNS);
  await measure('clinicians.directory (in process)', () => caller.clinicians.directory({}), RUNS);
  await measure('patients.byId incl. audit write (in process)', () => caller.patients.byId({ id: patient.id }), RUNS);

  const { url, server } = await startApiServer(apiDeps);
  const input = encodeURIComponent(JSON.stringify({ json: {} }));
  await measure(
    'GET /api/trpc/appointments.day over HTTP',
    async () => {
      const response = await fetch(`${url}/appointments.day?input=${input}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await response.arrayBuffer();
    },
    RUNS,
  );
  server.close();
});
