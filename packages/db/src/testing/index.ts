import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb, type DbClient } from '../client';

export const TEMPLATE_DATABASE = 'carelane_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test server's maintenance database; test files create their own from it. */
    pgAdminUrl: string;
  }
}

export type TestDatabase = DbClient & { url: string; name: string };

/**
 * A fresh, migrated database for one test file, cloned from the template the global setup made.
 * `adminUrl` comes from `inject('pgAdminUrl')`.
 */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  return { ...createDb(url, { max: 5 }), url, name };
}
