import type { Server } from 'node:http';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appRouter } from '../src';
import { deps, sessionCookie, startApiServer } from './fixtures';
import { startPayments } from './payment-fixtures';
import { allIdsOf, changedTables, fingerprint, tenantTables } from './sweep/database';
import { hasUuid, inputSchema, type JsonSchema } from './sweep/generate';
import { type Answer, type Caller, callOverHttp } from './sweep/http';
import { inputsFor, type SweepInput } from './sweep/inputs';
import { ALL_KINDS, type IdsByKind, idsByKind } from './sweep/kinds';
import { AS_MISSING, FOREIGN_IDENTIFIERS, OVERRIDES } from './sweep/overrides';
import { buildClinic, type Clinic } from './sweep/world';

/*
 * Every procedure of the API, called by organization B with the ids of organization A's rows:
 * the answer is NOT_FOUND, nothing of A's leaks into an answer and no row of A changes. New
 * procedures are swept without anyone adding them; one that cannot be is skipped with a reason.
 */

/** Procedures that cannot take another organization's ids, and why. */
const SKIPPED: Record<string, string> = {
  'auth.requestCode': 'Sends a sign-in code to a phone, for the booking site it is called on; takes no id.',
  'auth.verifyCode': 'Checks a sign-in code for a phone, on the booking site it is called on; takes no id.',
  'auth.register': "Registers the phone proved by verifyCode with the booking site's organization; takes no id.",
  'account.changePassword':
    "Changes the signed-in person's own password and needs their current one; takes no id (account-password.test.ts).",
  'account.twoFactor.confirm':
    "Needs a code from the signed-in person's own authenticator app; takes no id (account-two-factor.test.ts).",
  'forms.open': "The token of a form link is the patient's key to that one form, whoever opens it: no tenant to cross.",
  'forms.confirm':
    "The token of a form link is the patient's key to that one form, whoever opens it: no tenant to cross.",
  'forms.submit':
    "The token of a form link is the patient's key to that one form, whoever opens it: no tenant to cross.",
};

type Procedure = { path: string; type: string; schema: JsonSchema | null; takesId: boolean };

// At run time tRPC keeps the procedures flat, by path ('patients.byId'); its type is the nested router.
const procedures: Procedure[] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: unknown[] } }>,
).map(([path, procedure]) => {
  const schema = inputSchema(procedure._def.inputs);
  return {
    path,
    type: procedure._def.type,
    schema,
    takesId: (schema !== null && hasUuid(schema)) || path in FOREIGN_IDENTIFIERS,
  };
});
const swept = procedures.filter((p) => !(p.path in SKIPPED));
const counts = {
  all: procedures.length,
  withIds: swept.filter((p) => p.takesId).length,
  asMissing: Object.keys(AS_MISSING).length,
  withoutIds: swept.filter((p) => !p.takesId).length,
  skipped: procedures.length - swept.length,
};

let t: TestDatabase;
let a: Clinic;
let b: Clinic;
let idsOfA: IdsByKind;
let idsOfB: IdsByKind;
/** What of A must never reach B: every id of A's rows, and A's identifiers that are not UUIDs. */
let markersOfA: { ids: Set<string>; texts: string[] };
let tables: Awaited<ReturnType<typeof tenantTables>>;
const servers: Server[] = [];
let payments: Awaited<ReturnType<typeof startPayments>> | undefined;
/** B's principals, in the order tried: the first that is not refused is the procedure's audience. */
let callers: Caller[];

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await buildClinic(t.db, 'Sweep clinic A');
  b = await buildClinic(t.db, 'Sweep clinic B');
  [idsOfA, idsOfB, tables] = await Promise.all([
    idsByKind(t.db, a.organizationId),
    idsByKind(t.db, b.organizationId),
    tenantTables(t.db),
  ]);
  const mrns = await t.db.execute<{ mrn: string }>(
    sql`select mrn from patients where organization_id = ${a.organizationId}`,
  );
  markersOfA = {
    ids: await allIdsOf(t.db, tables, a.organizationId),
    texts: [a.clinicianSlug, a.confirmToken, ...mrns.map((row) => row.mrn)],
  };
  // Payment links and online payment need a gateway: the local fake Razorpay.
  payments = await startPayments(t.db, { keyId: 'rzp_test_sweep', keySecret: 'sweep-secret', webhookSecret: 'sweep' });
  const dashboard = await startApiServer(deps(t.db, { payments: payments.gateway }));
  const site = await startApiServer(
    deps(t.db, { payments: payments.gateway, audience: 'patient', siteOrganizationId: b.organizationId }),
  );
  servers.push(dashboard.server, site.server);
  callers = [
    { name: "anonymous on B's booking site", url: site.url },
    { name: 'patient of B', url: site.url, cookie: await sessionCookie(b.patientSessionId, 'patient') },
    { name: 'admin of B', url: dashboard.url, cookie: await sessionCookie(b.adminSessionId) },
  ];
}, 120_000);
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await payments?.close();
  await t?.close();
});

const methodOf = (procedure: Procedure) => (procedure.type === 'query' ? 'query' : 'mutation');

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A's ids and identifiers that occur in `text`. */
function foreignIn(text: string): string[] {
  const ids = (text.match(UUID) ?? []).filter((id) => markersOfA.ids.has(id.toLowerCase()));
  return [...new Set([...ids, ...markersOfA.texts.filter((marker) => text.includes(marker))])];
}

/** Same code and body: what B learns is the same. */
const sameAnswer = (x: Answer, y: Answer) => x.code === y.code && x.body === y.body;

/** What is wrong with B's answer to one input; `caller` asks again when the answer must read as for a missing row. */
async function problemsWith(procedure: Procedure, sent: SweepInput, answer: Answer, caller: Caller) {
  const problems: string[] = [];
  const given = new Set(foreignIn(JSON.stringify(sent.input ?? null)));
  if (procedure.takesId !== given.size > 0) problems.push(`the input ${given.size ? 'names' : 'lacks'} A's rows`);
  const filters = AS_MISSING[procedure.path] ?? [];
  const mayReadAsMissing = sent.foreign.length > 0 && sent.foreign.every((field) => filters.includes(field));
  if (given.size > 0 && answer.code !== 'NOT_FOUND' && mayReadAsMissing) {
    const missing = await callOverHttp(caller, procedure.path, methodOf(procedure), sent.asMissing());
    if (!sameAnswer(answer, missing))
      problems.push(`answered unlike for a row that does not exist: ${answer.body.slice(0, 300)}`);
  } else if (answer.code === 'BAD_REQUEST') {
    problems.push(`BAD_REQUEST, the generated input is wrong: ${answer.message}`);
  } else if (given.size > 0 && answer.code !== 'NOT_FOUND') {
    problems.push(`${answer.code ?? 'answered'} instead of NOT_FOUND: ${answer.message || answer.body.slice(0, 300)}`);
  } else if (answer.code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR: ${answer.message}`);
  const leaked = foreignIn(answer.body).filter((marker) => !given.has(marker));
  if (leaked.length > 0) problems.push(`the answer holds A's ${leaked.join(', ')}`);
  return problems;
}

async function sweep() {
  const problems: string[] = [];
  let before = await fingerprint(t.db, tables, a.organizationId);
  for (const procedure of swept) {
    const { path } = procedure;
    let inputs: SweepInput[];
    try {
      inputs = inputsFor(path, procedure.schema, a, idsOfA, idsOfB);
    } catch (error) {
      problems.push(`${path}: ${(error as Error).message}`);
      continue;
    }
    for (const sent of inputs) {
      let audience: string | undefined;
      for (const caller of callers) {
        const answer = await callOverHttp(caller, path, methodOf(procedure), sent.input);
        if (answer.code === 'UNAUTHORIZED' || answer.code === 'FORBIDDEN') continue;
        audience = caller.name;
        for (const problem of await problemsWith(procedure, sent, answer, caller)) {
          problems.push(`${path} (${sent.label}, as ${caller.name}): ${problem}`);
        }
        break;
      }
      if (!audience) problems.push(`${path}: refused every principal of B (UNAUTHORIZED or FORBIDDEN)`);
    }
    const after = await fingerprint(t.db, tables, a.organizationId);
    const changed = changedTables(before, after);
    if (changed.length > 0) problems.push(`${path}: changed A's rows in ${changed.join(', ')}`);
    before = after;
  }
  return problems;
}

describe('tenancy sweep: organization B calls every procedure with organization A ids', () => {
  it('skips only procedures that exist, each with a reason', () => {
    const paths = new Set(procedures.map((p) => p.path));
    expect(Object.keys(SKIPPED).filter((path) => !paths.has(path))).toEqual([]);
    expect(Object.entries(SKIPPED).filter(([, reason]) => reason.trim() === '')).toEqual([]);
    expect(
      Object.keys({ ...OVERRIDES, ...FOREIGN_IDENTIFIERS, ...AS_MISSING }).filter((path) => !paths.has(path)),
    ).toEqual([]);
  });

  it('has rows of every kind in both organizations', () => {
    expect(ALL_KINDS.filter((kind) => idsOfA[kind].length === 0)).toEqual([]);
    expect(ALL_KINDS.filter((kind) => idsOfB[kind].length === 0)).toEqual([]);
  });

  it(`sweeps all ${counts.all} procedures: ${counts.withIds} with ids answered NOT_FOUND (${counts.asMissing} with filters as for a missing row), ${counts.withoutIds} without ids leaked nothing, ${counts.skipped} skipped with reasons`, async () => {
    const started = performance.now();
    const problems = await sweep();
    console.log(
      `tenancy sweep: ${counts.all} procedures, ${counts.withIds} with ids, ${counts.withoutIds} without ids, ` +
        `${counts.skipped} skipped, ${problems.length} problems, ${Math.round(performance.now() - started)} ms`,
    );
    expect(problems).toEqual([]);
  }, 180_000);
});
