/**
 * `pnpm bench` (patients): a million patients in one organization, then the registry's search
 * over HTTP (the real tRPC handler, a signed-in front desk cookie) under 20 concurrent clients:
 * a misspelt full name, a phone's last digits, and a filtered list. Targets: search p95 ≤ 25 ms,
 * filtered list p95 ≤ 50 ms. Prints figures; fails only when the data did not load or requests fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appointmentTypes, centres, createDb, organizations, staffCentres, staffUsers } from '@carelane/db';
import { DEMO, ensureDatabase, runMigrations, seedDemo, startEmbeddedPostgres } from '@carelane/db/server';
import { eq } from 'drizzle-orm';
import type { PatientListInput } from '../src/routers/patients/list.schema';
import { deps, startApiServer } from '../test/fixtures';
import { staffSession } from './helpers';
import { runLoad } from './load-client';
import { benchName, benchPhone, FIRST_NAMES, LAST_NAMES, loadPatients } from './patients-data';
import { explainSearches } from './patients-explain';

// A smaller count can be given to try the bench quickly: `tsx bench/patients.bench.ts 20000`.
const PATIENTS = Number(process.argv[2] ?? 1_000_000);
const POOL = 20;
const CLIENTS = 20;
const REQUESTS_PER_CLIENT = 25;
const BENCH_CLINICIANS = 40;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** One typo a receptionist makes: a doubled, dropped or changed letter. */
function misspell(name: string, n: number): string {
  const i = 1 + (n % (name.length - 2));
  const edits = [
    () => name.slice(0, i) + name.charAt(i) + name.slice(i),
    () => name.slice(0, i) + name.slice(i + 1),
    () => `${name.slice(0, i)}a${name.slice(i + 1)}`,
  ];
  return (edits[n % edits.length] ?? edits[0])?.() ?? name;
}

const dir = mkdtempSync(join(tmpdir(), 'carelane-bench-'));
const server = await startEmbeddedPostgres(dir, { durable: false });
let failed = false;
try {
  await ensureDatabase(server.url('postgres'), 'bench');
  const { db, close } = createDb(server.url('bench'), { max: POOL });
  try {
    await runMigrations(db);
    await seedDemo(db);
    const [org] = await db.select().from(organizations).where(eq(organizations.slug, DEMO.organization.slug));
    const orgCentres = await db
      .select({ id: centres.id })
      .from(centres)
      .where(eq(centres.organizationId, org?.id ?? ''));
    const [type] = await db
      .select()
      .from(appointmentTypes)
      .where(eq(appointmentTypes.organizationId, org?.id ?? ''));
    const firstCentre = orgCentres[0];
    if (!org || !type || !firstCentre) throw new Error('demo organization missing');
    // Clinicians of their own, so a million patients' visits never meet the demo's calendar.
    const clinicians = await db
      .insert(staffUsers)
      .values(
        Array.from({ length: BENCH_CLINICIANS }, (_, i) => ({
          organizationId: org.id,
          name: `Dr. Bench ${i}`,
          email: `bench.clinician.${i}@sunrise.example`,
          role: 'clinician' as const,
          defaultCentreId: firstCentre.id,
        })),
      )
      .returning({ id: staffUsers.id });
    await db
      .insert(staffCentres)
      .values(clinicians.map((c) => ({ organizationId: org.id, staffUserId: c.id, centreId: firstCentre.id })));

    const loadStart = performance.now();
    const loaded = await loadPatients(
      db.$client,
      {
        organizationId: org.id,
        centreIds: orgCentres.map((c) => c.id),
        clinicianIds: clinicians.map((c) => c.id),
        typeId: type.id,
      },
      PATIENTS,
    );
    console.log(
      `patients bench: loaded ${loaded.patients} patients and ${loaded.appointments} appointments in ${seconds(loadStart)}` +
        ` (COPY, indexes rebuilt after); pool ${POOL}, ${cpus().length} cpus`,
    );

    const { cookie } = await staffSession(db, DEMO.staff.frontDesk.email);
    const { url, server: http } = await startApiServer(deps(db));
    const get = (path: string, input: unknown) =>
      `${url}/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    // 200 different requests per measure, so the load is not one cached query.
    const picks = Array.from({ length: 200 }, (_, k) => (k * 4_999 + 17) % PATIENTS);
    const loads: Array<{ name: string; target: number; urls: string[] }> = [
      {
        name: 'patients.list: misspelt full name',
        target: 25,
        urls: picks.map((n, k) => {
          const { first, last } = benchName(n);
          return get('patients.list', { q: `${first} ${misspell(last, k)}`, limit: 20 });
        }),
      },
      {
        name: 'patients.quickSearch: misspelt full name',
        target: 25,
        urls: picks.map((n, k) => {
          const { first, last } = benchName(n);
          return get('patients.quickSearch', { q: `${misspell(first, k)} ${last}` });
        }),
      },
      {
        name: 'patients.list: phone, last 5 digits',
        target: 25,
        urls: picks.map((n) => get('patients.list', { q: benchPhone(n).slice(-5), limit: 20 })),
      },
      {
        name: 'patients.list: filtered (tag, sex, age), by name',
        target: 50,
        urls: picks.map((_, k) => {
          const input: Partial<PatientListInput> = {
            tags: [k % 2 ? 'diabetes' : 'hypertension'],
            sex: k % 3 ? 'female' : 'male',
            ageMin: 30 + (k % 20),
            ageMax: 45 + (k % 20),
            sort: 'name',
            limit: 50,
          };
          return get('patients.list', input);
        }),
      },
      {
        name: 'patients.list: upcoming visit, by last visit',
        target: 50,
        urls: picks.map((_, k) =>
          get('patients.list', { hasUpcoming: true, sex: k % 2 ? 'female' : 'male', sort: 'lastVisit' }),
        ),
      },
      {
        name: 'patients.count: the filtered list (capped)',
        target: 0,
        urls: picks.map((_, k) =>
          get('patients.count', {
            tags: [k % 2 ? 'diabetes' : 'hypertension'],
            sex: k % 3 ? 'female' : 'male',
            ageMin: 30 + (k % 20),
            ageMax: 45 + (k % 20),
          }),
        ),
      },
      { name: 'patients.stats (counters)', target: 0, urls: [get('patients.stats', undefined)] },
      // What any signed-in request costs here (session, tRPC, HTTP): the floor under every row above.
      { name: 'floor: me.profile', target: 0, urls: [get('me.profile', undefined)] },
    ];
    console.log(
      `\n${'measure'.padEnd(50)}${['n', 'per s', 'p50 ms', 'p95 ms', 'max ms', 'target', '1 client', 'loadavg'].map((c) => c.padStart(9)).join('')}`,
    );
    for (const load of loads) {
      const stats = load.name.startsWith('patients.stats');
      // One client first: the time a request takes when nothing waits in line before it.
      const alone = await runLoad({
        url: load.urls,
        clients: 1,
        requestsPerClient: stats ? 5 : 100,
        headers: { cookie },
      });
      const aloneSorted = [...alone.times].sort((a, b) => a - b);
      const result = await runLoad({
        url: load.urls,
        clients: stats ? 4 : CLIENTS,
        requestsPerClient: stats ? 5 : REQUESTS_PER_CLIENT,
        headers: { cookie },
      });
      const sorted = [...result.times].sort((a, b) => a - b);
      const p95 = quantile(sorted, 0.95);
      const cells = [
        String(sorted.length),
        ((sorted.length / result.wallMs) * 1000).toFixed(0),
        quantile(sorted, 0.5).toFixed(1),
        p95.toFixed(1),
        quantile(sorted, 1).toFixed(1),
        load.target === 0 ? '-' : `${p95 <= load.target ? '✓' : '✗'} ${load.target}`,
        quantile(aloneSorted, 0.5).toFixed(1),
        loadavg()[0]?.toFixed(1) ?? '',
      ];
      console.log(`${load.name.padEnd(50)}${cells.map((c) => c.padStart(9)).join('')}`);
      if (result.failures.length > 0 || alone.failures.length > 0) {
        failed = true;
        console.log(
          `  ${result.failures.length} failed requests, e.g. ${[...result.failures, ...alone.failures].slice(0, 3).join(', ')}`,
        );
      }
    }
    console.log(
      `(a full name is shared by about ${Math.round(PATIENTS / (FIRST_NAMES.length * LAST_NAMES.length))} of the ${PATIENTS} patients)`,
    );
    http.close();
    await explainSearches(db, org.id, PATIENTS);
  } finally {
    await close();
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
