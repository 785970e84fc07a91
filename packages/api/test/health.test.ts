import { createDb } from '@carelane/db';
import { freePort } from '@carelane/db/server';
import { createTestDatabase } from '@carelane/db/testing';
import { describe, expect, inject, it } from 'vitest';
import { checkHealth } from '../src';

describe('health', () => {
  it('reports the database round trip and version', async () => {
    const t = await createTestDatabase(inject('pgAdminUrl'));
    const health = await checkHealth(t.db);
    await t.close();
    expect(health).toMatchObject({ status: 'ok', database: { version: expect.stringMatching(/^\d+/) } });
  });

  it('is unavailable when the database cannot be reached', async () => {
    const port = await freePort();
    const { db, close } = createDb(`postgres://nobody:x@127.0.0.1:${port}/none`);
    const health = await checkHealth(db, 2000);
    await close();
    expect(health).toEqual({ status: 'unavailable', database: { error: 'unreachable' } });
  });
});
