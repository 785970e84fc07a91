/**
 * `pnpm bench` (second part): scheduling under load on the demo data. Measures the public
 * `availability.slots` query over HTTP with 20 concurrent clients, 200 patients racing for 20
 * slots through `portal.book`, and plain concurrent INSERTs as a baseline. Prints figures; exits
 * non-zero only when something is broken (wrong booking count, errors other than CONFLICT).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPatientSession, createRateLimits, loadPrincipal, type PatientPrincipal } from '@carelane/auth';
import {
  appointments,
  appointmentTypes,
  availabilityRules,
  clinicianProfiles,
  createDb,
  type Database,
  organizations,
  patients,
  staffUsers,
} from '@carelane/db';
import { DEMO, ensureDatabase, runMigrations, seedDemo, startEmbeddedPostgres } from '@carelane/db/server';
import { JitsiVideoLinks } from '@carelane/integrations';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { and, asc, eq, inArray } from 'drizzle-orm';
import superjson from 'superjson';
import { type ApiDeps, appRouter, createCallerFactory, createContext, createTrpcHandler } from '../src';
import { localChannels } from '../src/messaging/local-channel';
import { plainJson } from '../src/plain-json';
import { SLOT_TAKEN } from '../src/scheduling/book-slot';
import { ScheduleCache } from '../src/scheduling/schedule-cache';
import { publicProcedure, router } from '../src/trpc';
import { runLoad } from './load-client';

const SECRET = 'bench-secret-that-is-at-least-32-characters';
const POOL = 20;
const CLIENTS = 20;
const REQUESTS_PER_CLIENT = 50;
const BASELINE_REQUESTS = 100;
const SLOTS = 20;
const PATIENTS_PER_SLOT = 10;

type Row = { name: string; n: number; wallMs: number; times: number[] };
const rows: Row[] = [];
const problems: string[] = [];
const cpuPerRequest: Array<{ name: string; server: number; clients: number }> = [];

/** `list[i]`, for indexes known to be in range. */
function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`index ${i} out of range`);
  return item;
}

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function printTable() {
  const cols = ['n', 'wall ms', 'per s', 'p50 ms', 'p95 ms', 'max ms'];
  console.log(`\n${'measure'.padEnd(46)}${cols.map((c) => c.padStart(9)).join('')}`);
  for (const row of rows) {
    const sorted = [...row.times].sort((a, b) => a - b);
    const cells = [
      String(row.n),
      row.wallMs.toFixed(0),
      ((row.n / row.wallMs) * 1000).toFixed(0),
      quantile(sorted, 0.5).toFixed(1),
      quantile(sorted, 0.95).toFixed(1),
      quantile(sorted, 1).toFixed(1),
    ];
    console.log(`${row.name.padEnd(46)}${cells.map((c) => c.padStart(9)).join('')}`);
  }
}

/** A demo clinician and the first online-bookable type of their first specialisation. */
async function clinicianAndType(db: Database, organizationId: string, email: string) {
  const [clinician] = await db
    .select({ id: staffUsers.id, name: staffUsers.name, specialisations: clinicianProfiles.specialisations })
    .from(staffUsers)
    .innerJoin(clinicianProfiles, eq(clinicianProfiles.staffUserId, staffUsers.id))
    .where(and(eq(staffUsers.organizationId, organizationId), eq(staffUsers.email, email)));
  const specialisation = clinician?.specialisations[0];
  if (!clinician || !specialisation) throw new Error(`demo clinician ${email} missing`);
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(
      and(
        eq(appointmentTypes.organizationId, organizationId),
        eq(appointmentTypes.specialisation, specialisation),
        eq(appointmentTypes.onlineBookable, true),
        eq(appointmentTypes.active, true),
      ),
    )
    .orderBy(asc(appointmentTypes.durationMinutes), asc(appointmentTypes.name))
    .limit(1);
  if (!type) throw new Error(`no online-bookable ${specialisation} type`);
  return { clinician, type };
}

const dir = mkdtempSync(join(tmpdir(), 'carelane-bench-'));
const server = await startEmbeddedPostgres(dir, { durable: false });
try {
  await ensureDatabase(server.url('postgres'), 'bench');
  // A pool as large as the concurrency, so the database (not the pool) is what requests wait on.
  const { db, close } = createDb(server.url('bench'), { max: POOL });
  const scheduleCache = new ScheduleCache(db);
  try {
    await runMigrations(db);
    const seeded = await seedDemo(db);
    const [org] = await db.select().from(organizations).where(eq(organizations.slug, DEMO.organization.slug));
    if (!org) throw new Error('demo organization missing');
    console.log(
      `scheduling bench: ${DEMO.organization.slug}, ${seeded.patients} patients, ${seeded.appointments} appointments;` +
        ` pool ${POOL}, ${cpus().length} cpus`,
    );

    const deps: ApiDeps = {
      db,
      secret: SECRET,
      rateLimits: createRateLimits(db),
      channels: localChannels(db),
      videoLinks: new JitsiVideoLinks(),
      bookingUrl: 'http://localhost:3001',
      audience: 'patient',
      siteOrganizationId: org.id,
      // As in the apps: the public slot search answers from memory until a change is announced.
      scheduleCache: await scheduleCache.start(),
    };
    const createCaller = createCallerFactory(appRouter);
    const anonymous = createCaller({ ...deps, principal: { kind: 'anonymous' }, requestId: 'bench', ip: null });

    // 1. availability.slots over HTTP, anonymous (the query is public).
    const read = await clinicianAndType(db, org.id, DEMO.staff.clinician.email);
    const slotsInput = { clinicianId: read.clinician.id, typeId: read.type.id, days: 14 };
    const offered = (await anonymous.availability.slots(slotsInput)).days.flatMap((d) => d.starts).length;
    console.log(`slots: ${read.clinician.name}, ${read.type.name}, 14 days, ${offered} free start times`);

    // The same answer from a procedure that only returns it, through the same tRPC, context and
    // HTTP path: the floor under which no slot search could answer on this machine.
    const answer = await anonymous.availability.slots(slotsInput);
    const floorRouter = router({ constantAnswer: publicProcedure.query(() => plainJson(answer)) });
    const realHandler = createTrpcHandler(() => deps);
    const floorHandler = (req: Request) =>
      fetchRequestHandler({
        endpoint: '/api/trpc',
        req,
        router: floorRouter,
        createContext: () => createContext(deps, req),
      });
    const serve = (handler: (req: Request) => Promise<Response>) =>
      createServer(async (req, res) => {
        const response = await handler(new Request(`http://127.0.0.1${req.url}`));
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        res.end(Buffer.from(await response.arrayBuffer()));
      });

    const query = `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(slotsInput)))}`;
    for (const [name, handler, path] of [
      ['availability.slots', realHandler, 'availability.slots'],
      ['floor: a constant answer', floorHandler, 'constantAnswer'],
    ] as const) {
      const http = serve(handler);
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      try {
        const address = http.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        const url = `http://127.0.0.1:${port}/api/trpc/${path}${query}`;
        // Clients run in a separate process: in production they are not on the server's event loop.
        const warm = await runLoad({ url, clients: CLIENTS, requestsPerClient: 2 }); // connections, plans, cache
        const single = await runLoad({ url, clients: 1, requestsPerClient: BASELINE_REQUESTS });
        const cpuBefore = process.cpuUsage();
        const many = await runLoad({ url, clients: CLIENTS, requestsPerClient: REQUESTS_PER_CLIENT });
        const cpu = process.cpuUsage(cpuBefore);
        // CPU per request: unlike latency, it hardly moves when the machine is busy.
        cpuPerRequest.push({
          name,
          server: (cpu.user + cpu.system) / 1000 / (CLIENTS * REQUESTS_PER_CLIENT),
          clients: many.cpuMs / (CLIENTS * REQUESTS_PER_CLIENT),
        });
        for (const failure of new Set([...warm.failures, ...single.failures, ...many.failures])) {
          problems.push(`${name}: ${failure}`);
        }
        rows.push({ name: `${name} HTTP, 1 client`, n: BASELINE_REQUESTS, ...single });
        rows.push({ name: `${name} HTTP, ${CLIENTS} clients`, n: CLIENTS * REQUESTS_PER_CLIENT, ...many });
      } finally {
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      }
    }

    // 2. Contention: 10 signed-in patients per slot, all 200 bookings fired at once.
    const patientCount = SLOTS * PATIENTS_PER_SLOT;
    const inserted = await db
      .insert(patients)
      .values(
        Array.from({ length: patientCount }, (_, i) => ({
          organizationId: org.id,
          mrn: `BENCH-${String(i).padStart(5, '0')}`,
          firstName: 'Bench',
          lastName: `Patient ${i}`,
          // The seed keeps patients out of the +9198000 block, so these cannot clash with them.
          phone: `+9198000${String(90_000 + i).padStart(5, '0')}`,
          consentSms: true,
        })),
      )
      .returning({ id: patients.id });
    const principals = await Promise.all(
      inserted.map(async ({ id }) => {
        const principal = await loadPrincipal(db, await createPatientSession(db, id, { ip: '127.0.0.1' }));
        if (principal.kind !== 'patient') throw new Error('patient session did not load');
        return principal satisfies PatientPrincipal;
      }),
    );

    const race = await clinicianAndType(db, org.id, 'dr.sanjay@sunrise.example');
    const raceSlots = await anonymous.availability.slots({
      clinicianId: race.clinician.id,
      typeId: race.type.id,
      days: 14,
    });
    const free = raceSlots.days;
    const durationMs = raceSlots.type.durationMinutes * 60_000;
    // Spread over the days, at most 3 a day, an hour apart: buffers never make two targets clash,
    // and starting 12 hours out keeps every target far outside the minimum notice.
    const gapMs = 60 * 60_000;
    const earliest = Date.now() + 12 * 3_600_000;
    const targets: Date[] = [];
    for (const day of free) {
      let taken = 0;
      let lastEnd = 0;
      for (const start of day.starts) {
        if (targets.length >= SLOTS || taken >= 3) break;
        if (start < earliest || start < lastEnd + gapMs) continue;
        targets.push(new Date(start));
        lastEnd = start + durationMs;
        taken++;
      }
    }
    if (targets.length < SLOTS) throw new Error(`only ${targets.length} spread-out free slots found`);
    console.log(`race:  ${race.clinician.name}, ${race.type.name}, ${SLOTS} slots, ${PATIENTS_PER_SLOT} patients each`);

    const bookTimes: number[] = [];
    const bookStart = performance.now();
    const results = await Promise.allSettled(
      principals.map(async (principal, i) => {
        const caller = createCaller({ ...deps, principal, requestId: `bench-book-${i}`, ip: '127.0.0.1' });
        const t0 = performance.now();
        try {
          return await caller.portal.book({
            clinicianId: race.clinician.id,
            typeId: race.type.id,
            startsAt: at(targets, i % SLOTS),
          });
        } finally {
          bookTimes.push(performance.now() - t0);
        }
      }),
    );
    const bookWallMs = performance.now() - bookStart;
    rows.push({
      name: `portal.book, ${patientCount} at once on ${SLOTS} slots`,
      n: patientCount,
      wallMs: bookWallMs,
      times: bookTimes,
    });

    let booked = 0;
    let slotCheck = 0;
    let constraint = 0;
    let otherConflict = 0;
    const errors: string[] = [];
    for (const result of results) {
      if (result.status === 'fulfilled') booked++;
      else if (result.reason instanceof TRPCError && result.reason.code === 'CONFLICT') {
        // The message tells which guard refused: the slot engine, or the exclusion constraint.
        if (result.reason.message === SLOT_TAKEN) slotCheck++;
        else if (result.reason.message.includes('already has an appointment')) constraint++;
        else otherConflict++;
      } else errors.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
    }
    const stored = await db
      .select({ startsAt: appointments.startsAt })
      .from(appointments)
      .where(
        and(
          eq(appointments.clinicianId, race.clinician.id),
          inArray(
            appointments.patientId,
            principals.map((p) => p.patientId),
          ),
        ),
      );
    const distinct = new Set(stored.map((r) => r.startsAt.getTime())).size;
    const conflicts = slotCheck + constraint + otherConflict;
    const expected = patientCount - SLOTS;
    const held =
      booked === SLOTS &&
      conflicts === expected &&
      errors.length === 0 &&
      stored.length === SLOTS &&
      distinct === SLOTS;
    if (!held) problems.push('contention run did not end with one booking per slot and CONFLICT for the rest');
    for (const message of new Set(errors)) problems.push(`portal.book error: ${message}`);

    // 3. Baseline: one plain INSERT per bench patient, same concurrency and pool, years ahead so
    // nothing overlaps; no slot check, transaction or audit row.
    const plain = await clinicianAndType(db, org.id, 'dr.aditya@sunrise.example');
    const [rule] = await db
      .select({ centreId: availabilityRules.centreId })
      .from(availabilityRules)
      .where(eq(availabilityRules.clinicianId, plain.clinician.id))
      .limit(1);
    if (!rule) throw new Error('demo clinician has no weekly hours');
    const base = Date.UTC(new Date().getUTCFullYear() + 3, 0, 1);
    const insertTimes: number[] = [];
    const insertStart = performance.now();
    const insertResults = await Promise.allSettled(
      principals.map(async ({ patientId }, i) => {
        const startsAt = new Date(base + i * 30 * 60_000);
        const t0 = performance.now();
        try {
          await db.insert(appointments).values({
            organizationId: org.id,
            centreId: rule.centreId,
            clinicianId: plain.clinician.id,
            patientId,
            typeId: plain.type.id,
            startsAt,
            endsAt: new Date(startsAt.getTime() + 30 * 60_000),
            status: 'confirmed',
            source: 'booking_site',
            feeMinor: plain.type.priceMinor,
            currency: plain.type.currency,
          });
        } finally {
          insertTimes.push(performance.now() - t0);
        }
      }),
    );
    rows.push({
      name: `raw INSERT appointments, ${principals.length} at once`,
      n: principals.length,
      wallMs: performance.now() - insertStart,
      times: insertTimes,
    });
    const insertErrors = insertResults.flatMap((r) =>
      r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : [],
    );
    for (const message of new Set(insertErrors)) problems.push(`raw INSERT error: ${message}`);

    printTable();
    console.log('');
    for (const cpu of cpuPerRequest) {
      console.log(
        `${cpu.name}: ${cpu.server.toFixed(2)} ms of server CPU per request under ${CLIENTS} clients ` +
          `(the load generator ${cpu.clients.toFixed(2)} ms)`,
      );
    }
    console.log(
      `schedule cache: ${scheduleCache.stats.hits} answers from memory, ${scheduleCache.stats.reads} database reads`,
    );
    console.log(
      `\ncontention: ${booked} booked, ${conflicts} CONFLICT (slot check ${slotCheck}, exclusion constraint ` +
        `${constraint}${otherConflict ? `, other ${otherConflict}` : ''}), ${errors.length} other errors; ` +
        `${stored.length} rows on ${distinct} slots; ${((booked / bookWallMs) * 1000).toFixed(1)} bookings/s`,
    );
    console.log(
      `expected ${SLOTS} booked, ${expected} CONFLICT, 0 errors: ${held ? 'held' : 'NOT HELD'}; ` +
        `raw INSERTs ${principals.length - insertErrors.length}/${principals.length} stored`,
    );
  } finally {
    await scheduleCache.close();
    await close();
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

if (problems.length) {
  for (const problem of problems) console.error(`FAILED: ${problem}`);
  process.exitCode = 1;
}
