import { notifications } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { markDueNotifications } from '../src/messaging/relay';

let t: TestDatabase;
let n = 0;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
});
afterAll(async () => {
  await t.close();
});

async function message(values: Partial<typeof notifications.$inferInsert> = {}) {
  n++;
  const [row] = await t.db
    .insert(notifications)
    .values({
      channel: 'sms',
      kind: 'otp_sign_in',
      idempotencyKey: `relay-${n}`,
      recipient: '+919800000000',
      ...values,
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error('no row');
  return row.id;
}

const options = { limit: 100, requeueAfterMs: 60_000 };
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);

describe('the outbox relay', () => {
  it('marks due and abandoned messages once, and again only when their job looks lost', async () => {
    const due = await message();
    const takenOver = await message({ status: 'sending', leaseUntil: ago(1), queuedAt: ago(120) });
    const staleQueued = await message({ queuedAt: ago(120) });
    await message({ nextAttemptAt: ago(-3600) });
    await message({ status: 'sending', leaseUntil: ago(-60) });
    await message({ queuedAt: ago(5) });
    await message({ status: 'sent' });
    await message({ status: 'failed' });

    const first = await markDueNotifications(t.db, options);
    expect(first.sort()).toEqual([due, takenOver, staleQueued].sort());
    expect(await markDueNotifications(t.db, options)).toEqual([]);
    const [marked] = await t.db.select().from(notifications).where(eq(notifications.id, due));
    expect(marked?.queuedAt).toBeInstanceOf(Date);
  });

  it('relays racing over the same rows share them out, each row to one', async () => {
    const ids = await Promise.all(Array.from({ length: 60 }, () => message()));
    const results = await Promise.all(
      Array.from({ length: 4 }, () => markDueNotifications(t.db, { ...options, limit: 20 })),
    );
    const all = results.flat();
    expect(new Set(all).size).toBe(all.length);
    const rest = await markDueNotifications(t.db, options);
    expect([...all, ...rest].sort()).toEqual(ids.sort());
  });
});
