import { nextPatientMrn, patients } from '@carelane/db';
import { createTestDatabase, type TestDatabase } from '@carelane/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClinic } from './fixtures';

let t: TestDatabase;
let a: Awaited<ReturnType<typeof createClinic>>;
let b: Awaited<ReturnType<typeof createClinic>>;

beforeAll(async () => {
  t = await createTestDatabase(inject('pgAdminUrl'));
  a = await createClinic(t.db, 'Clinic A');
  b = await createClinic(t.db, 'Clinic B');
});
afterAll(() => t.close());

const next = (organizationId: string) => t.db.transaction((tx) => nextPatientMrn(tx, organizationId));
const insert = (organizationId: string, mrn: string) =>
  t.db.insert(patients).values({ organizationId, mrn, firstName: 'Test', lastName: mrn });

describe('nextPatientMrn', () => {
  it('numbers past six digits by value, not as text, and ignores other shapes and organizations', async () => {
    const first = await next(a.org.id);
    const prefix = first.split('-')[0] ?? '';
    expect(first).toBe(`${prefix}-000001`);
    await insert(a.org.id, `${prefix}-999999`);
    // Text order would put 999999 after 1000000 and hand out a number already taken.
    expect(await next(a.org.id)).toBe(`${prefix}-1000000`);
    await insert(a.org.id, `${prefix}-1000000`);
    // Not record numbers of this scheme: a different prefix, a lowercase one, letters inside.
    await insert(a.org.id, 'ZZ-5000000');
    await insert(a.org.id, `${prefix.toLowerCase()}-7000000`);
    await insert(a.org.id, `${prefix}-B9000000`);
    expect(await next(a.org.id)).toBe(`${prefix}-1000001`);
    // Another organization with the same prefix counts its own.
    const other = await next(b.org.id);
    expect(other.endsWith('-000001')).toBe(true);
  });

  it('reads the maximum from the index, whatever the registry size', async () => {
    // A handful of rows would be scanned anyway; with scans priced out, the plan shows the index can serve it.
    const plan = await t.db.$client.begin(async (sql) => {
      await sql`set local enable_seqscan = off`;
      await sql`set local enable_bitmapscan = off`;
      return sql.unsafe<{ 'QUERY PLAN': string }[]>(
        `explain select max(substring(mrn from '[0-9]+$')::bigint) from patients
         where organization_id = '${a.org.id}' and split_part(mrn, '-', 1) = 'OX'
           and mrn ~ '^[A-Z0-9]{1,6}-[0-9]{1,15}$'`,
      );
    });
    expect(JSON.stringify(plan)).toContain('Index Scan Backward using patients_mrn_number_idx');
  });
});
