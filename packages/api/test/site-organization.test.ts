import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findSiteOrganization } from '../src/site-organization';
import { createClinic } from './fixtures';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
});
afterAll(async () => {
  await t.close();
});

describe('the organization a booking site serves', () => {
  it('waits calmly for the first organization, then serves the only one or the one named', async () => {
    await expect(findSiteOrganization(t.db, undefined)).rejects.toMatchObject({
      name: 'SiteNotReadyError',
      reason: 'no-organization',
    });
    const first = await createClinic(t.db, 'First Clinic');
    expect(await findSiteOrganization(t.db, undefined)).toBe(first.org.id);

    const second = await createClinic(t.db, 'Second Clinic');
    await expect(findSiteOrganization(t.db, undefined)).rejects.toMatchObject({ reason: 'several-organizations' });
    expect(await findSiteOrganization(t.db, second.org.slug)).toBe(second.org.id);
    await expect(findSiteOrganization(t.db, 'no-such-clinic')).rejects.toMatchObject({ reason: 'unknown-slug' });
  });
});
