/**
 * `pnpm bench` (third part): the calendar's day view on a full day, 30 clinicians and 400
 * appointments at one centre, in process and over HTTP, and the size of the response.
 * Prints figures; asserts nothing but that the day came back full.
 */
import { DEMO } from '@carelane/db/server';
import superjson from 'superjson';
import { appRouter, createCallerFactory } from '../src';
import { deps, startApiServer } from '../test/fixtures';
import { addFullDays, FULL_DAY, fullDayDates } from './full-day';
import { measure, staffSession, withDemoDatabase } from './helpers';

const RUNS = 200;

await withDemoDatabase(async ({ db }) => {
  const [date] = fullDayDates(new Date());
  const full = await addFullDays(db, [date]);
  console.log(
    `calendar day view, ${date} at ${full.centreName}: ${full.clinicians} clinicians, ${full.appointments} appointments; ${RUNS} runs each\n`,
  );
  const { principal, cookie } = await staffSession(db, DEMO.staff.frontDesk.email);
  const apiDeps = deps(db);
  const caller = createCallerFactory(appRouter)({ ...apiDeps, principal, requestId: 'bench', ip: null });
  const input = { view: 'day', date, centreId: full.centreId } as const;

  const view = await caller.calendar.view(input);
  const cards = view.columns.reduce((n, c) => n + c.appointments.length, 0);
  if (view.columns.length !== FULL_DAY.clinicians || cards !== FULL_DAY.appointments) {
    throw new Error(`expected a full day, got ${view.columns.length} columns and ${cards} cards`);
  }
  await measure('calendar.view, full day (in process)', () => caller.calendar.view(input), RUNS);

  const { url, server } = await startApiServer(apiDeps);
  const query = `${url}/calendar.view?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  let bytes = 0;
  await measure(
    'GET /api/trpc/calendar.view over HTTP',
    async () => {
      const response = await fetch(query, { headers: { cookie } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      bytes = (await response.arrayBuffer()).byteLength;
    },
    RUNS,
  );
  console.log(`calendar.view response: ${(bytes / 1024).toFixed(1)} KB of JSON (before compression)`);
  server.close();
});
