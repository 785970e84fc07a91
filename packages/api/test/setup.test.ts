import type { Server } from 'node:http';
import { createRateLimits, signInStaffWithPassword } from '@carelane/auth';
import { auditLog, centres, organizations, staffUsers } from '@carelane/db';
import { issueSetupCode } from '@carelane/db/onboarding';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appRouter, type Context, createCallerFactory } from '../src';
import { deps, postTrpc, startApiServer } from './fixtures';

let t: TestDatabase;
let api: { url: string; server: Server };
const createCaller = createCallerFactory(appRouter);

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  api = await startApiServer(deps(t.db));
});
afterAll(async () => {
  api.server.close();
  await t.close();
});

/** An anonymous visitor of the dashboard from `ip`. */
function visitor(ip: string) {
  const ctx: Context = { ...deps(t.db), principal: { kind: 'anonymous' }, requestId: `setup-${ip}`, ip };
  return createCaller(ctx);
}

function form(code: string) {
  return {
    code,
    organization: {
      name: 'Asha Family Clinic',
      slug: 'asha-clinic',
      country: 'IN',
      currency: 'INR',
      zone: 'Asia/Kolkata',
      kind: 'general' as const,
    },
    centre: { name: 'Indiranagar', addressLine: '12 CMH Road', city: 'Bengaluru', phone: '+91 80 4123 4567' },
    admin: { name: 'Asha Rao', email: 'asha@example.com', password: 'river-lantern-42' },
  };
}

async function counts() {
  const [orgs] = await t.db.select({ n: count() }).from(organizations);
  const [staff] = await t.db.select({ n: count() }).from(staffUsers);
  const [centreRows] = await t.db.select({ n: count() }).from(centres);
  return { organizations: orgs?.n, staff: staff?.n, centres: centreRows?.n };
}

const NOTHING = { organizations: 0, staff: 0, centres: 0 };

describe('first-run setup', () => {
  it('is needed on an empty server', async () => {
    expect(await visitor('10.0.0.1').setup.status()).toEqual({ needed: true });
  });

  it('names each bad field and creates nothing, the code still usable', async () => {
    const code = await issueSetupCode(t.db);
    if (!code) throw new Error('no code');
    const bad = form(code);
    const answer = await postTrpc(api.url, 'setup.complete', {
      ...bad,
      organization: { ...bad.organization, slug: 'Asha Clinic!', currency: 'RUPEES' },
      admin: { ...bad.admin, email: 'asha' },
    });
    expect(answer.status).toBe(400);
    const details = (answer.body.error?.data.details ?? []) as Array<{ field: string }>;
    const fields = details.map((d) => d.field).sort();
    expect(fields).toEqual(['admin.email', 'organization.currency', 'organization.slug']);

    // A common password passes the schema and is refused by the server's rule.
    const common = await postTrpc(api.url, 'setup.complete', {
      ...bad,
      admin: { ...bad.admin, password: 'password123' },
    });
    expect(common.status).toBe(400);
    expect(common.body.error?.data.details).toEqual([{ field: 'admin.password', message: expect.any(String) }]);

    const phone = await postTrpc(api.url, 'setup.complete', { ...bad, centre: { ...bad.centre, phone: '12345' } });
    expect(phone.body.error?.data.details).toEqual([{ field: 'centre.phone', message: expect.any(String) }]);
    expect(await counts()).toEqual(NOTHING);
  });

  it('refuses a wrong or expired code on the code field', async () => {
    const wrong = await postTrpc(api.url, 'setup.complete', form('AAAA-BBBB-CCCC'));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.data.details).toEqual([{ field: 'code', message: expect.stringMatching(/not right/) }]);
    const expired = await issueSetupCode(t.db, new Date(Date.now() - 25 * 3600_000));
    if (!expired) throw new Error('no code');
    const late = await postTrpc(api.url, 'setup.complete', form(expired));
    expect(late.body.error?.data.details).toEqual([{ field: 'code', message: expect.any(String) }]);
    expect(await counts()).toEqual(NOTHING);
  });

  it('stops someone guessing codes after 10 tries an hour', async () => {
    const guesser = visitor('203.0.113.9');
    for (let i = 0; i < 10; i++) {
      await expect(guesser.setup.complete(form(`GUES-SNUM-BER${i}`))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    await expect(guesser.setup.complete(form('GUES-SNUM-BERX'))).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // Even the right code waits: the limit is counted before the code is looked at.
    const code = await issueSetupCode(t.db);
    if (!code) throw new Error('no code');
    await expect(guesser.setup.complete(form(code))).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await counts()).toEqual(NOTHING);
  });

  it('creates the clinic with the current code, audits it, and the admin signs in with the password', async () => {
    const code = await issueSetupCode(t.db);
    if (!code) throw new Error('no code');
    const owner = visitor('198.51.100.7');
    const result = await owner.setup.complete(form(code.toLowerCase()));
    expect(result).toMatchObject({ slug: 'asha-clinic', email: 'asha@example.com' });
    expect(await counts()).toEqual({ organizations: 1, staff: 1, centres: 1 });

    // The refused attempts above are in the log too, as failures.
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'setup.complete'), eq(auditLog.success, true)));
    expect(entry).toMatchObject({
      organizationId: result.organizationId,
      entityId: result.organizationId,
      actorKind: 'anonymous',
      success: true,
      ip: '198.51.100.7',
    });

    const auth = { db: t.db, secret: deps(t.db).secret, rateLimits: createRateLimits(t.db) };
    const sessionId = await signInStaffWithPassword(
      auth,
      { identifier: 'asha@example.com', password: 'river-lantern-42' },
      { ip: '198.51.100.7' },
    );
    expect(sessionId).toEqual(expect.any(String));
    expect(await owner.setup.status()).toEqual({ needed: false });
  });

  it('refuses a second setup, even with a fresh-looking code, and changes nothing', async () => {
    const before = await counts();
    const again = await postTrpc(api.url, 'setup.complete', {
      ...form('AAAA-BBBB-CCCC'),
      organization: { ...form('').organization, slug: 'intruder' },
      admin: { ...form('').admin, email: 'intruder@example.com' },
    });
    expect(again.status).toBe(404);
    expect(again.body.error?.message).toBe('This server is already set up.');
    expect(await issueSetupCode(t.db)).toBeNull();
    expect(await counts()).toEqual(before);
  });
});
