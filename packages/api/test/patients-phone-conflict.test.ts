import { patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClinic, createStaff, deps, postTrpc, sessionCookie, signedInStaff, startApiServer } from './fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;
let api: Awaited<ReturnType<typeof startApiServer>>;
let cookieA: string;
let cookieB: string;

async function cookieOf(clinic: typeof a) {
  const user = await createStaff(t.db, clinic.org.id, clinic.centre.id, 'front_desk');
  return sessionCookie((await signedInStaff(t.db, user.id)).sessionId);
}

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Clinic A');
  b = await createClinic(t.db, 'Clinic B');
  cookieA = await cookieOf(a);
  cookieB = await cookieOf(b);
  api = await startApiServer(deps(t.db));
});
afterAll(async () => {
  api.server.close();
  await t.close();
});

const post = (path: string, body: unknown, cookie = cookieA) => postTrpc(api.url, path, body, cookie);

async function create(body: Record<string, unknown>, cookie = cookieA) {
  const res = await post('patients.create', body, cookie);
  if (res.status !== 200) throw new Error(`create failed: ${res.status}`);
  return res.body.result as { id: string; mrn: string };
}

describe('a phone another patient holds', () => {
  it('comes back as CONFLICT carrying that patient’s id, name and MRN', async () => {
    const owner = await create({ firstName: 'Ravi', lastName: 'Kumar', phone: '9123456789' });
    const res = await post('patients.create', { firstName: 'Someone', phone: '+91 91234 56789' });
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toBe(`Another patient already has this number: Ravi Kumar (${owner.mrn}).`);
    expect(res.body.error?.data).toMatchObject({
      code: 'CONFLICT',
      details: [],
      existing: { kind: 'patient', id: owner.id, name: 'Ravi Kumar', mrn: owner.mrn },
    });
  });

  it('editing another patient onto the number names the holder too; an archived holder is said to be archived', async () => {
    const owner = await create({ firstName: 'Asha', lastName: 'Rao', phone: '9822233344' });
    await post('patients.archive', { id: owner.id });
    const other = await create({ firstName: 'Other' });
    const res = await post('patients.update', { id: other.id, values: { phone: '09822233344' } });
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toBe(`Another patient already has this number: Asha Rao (${owner.mrn}, archived).`);
    expect(res.body.error?.data.existing).toEqual({ kind: 'patient', id: owner.id, name: 'Asha Rao', mrn: owner.mrn });
  });

  it('another organization’s patient is never named: the same number is free there', async () => {
    await create({ firstName: 'Mine', phone: '9811100001' });
    const res = await post('patients.create', { firstName: 'Theirs', phone: '9811100001' }, cookieB);
    expect(res.status).toBe(200);
  });

  it('names the winner when the unique index settles a race the check before writing could not see', async () => {
    // An uncommitted insert holds the number: the request's own check sees nothing, then its
    // insert waits on the unique index and fails once the holder commits.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holderId = '';
    const holder = t.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(patients)
        .values({
          organizationId: a.org.id,
          mrn: 'T-RACE-1',
          firstName: 'Kavya',
          lastName: 'Iyer',
          phone: '+919000011111',
        })
        .returning({ id: patients.id });
      holderId = row?.id ?? '';
      await released;
    });
    while (!holderId) await new Promise((r) => setTimeout(r, 10));

    const request = post('patients.create', { firstName: 'Kavin', phone: '9000011111' });
    let insertWaited = false;
    try {
      for (let i = 0; i < 500 && !insertWaited; i++) {
        const waiting = await t.db.execute(
          sql`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into "patients"%'`,
        );
        insertWaited = waiting.length > 0;
        if (!insertWaited) await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      release();
      await holder;
    }

    const res = await request;
    expect(insertWaited).toBe(true);
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toBe('Another patient already has this number: Kavya Iyer (T-RACE-1).');
    expect(res.body.error?.data.existing).toEqual({
      kind: 'patient',
      id: holderId,
      name: 'Kavya Iyer',
      mrn: 'T-RACE-1',
    });
    const holders = await t.db.select({ id: patients.id }).from(patients).where(eq(patients.phone, '+919000011111'));
    expect(holders).toEqual([{ id: holderId }]);
  });

  it('other errors carry no record', async () => {
    const res = await post('patients.create', { firstName: 'X', phone: '+91 12345' });
    expect(res.status).toBe(400);
    expect(res.body.error?.data.existing).toBeNull();
  });
});
