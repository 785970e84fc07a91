import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb } from '../client';
import { startEmbeddedPostgres } from '../embedded';
import { ensureDatabase, runMigrations } from '../migrate';

import { TEMPLATE_DATABASE } from './index';

/**
 * Vitest global setup: one throwaway embedded PostgreSQL server per test run, with a migrated
 * template database that each test file clones (CREATE DATABASE ... TEMPLATE), so files run in
 * parallel and never see each other's rows.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'carelane-test-pg-'));
  const server = await startEmbeddedPostgres(dir, { durable: false });
  await ensureDatabase(server.url('postgres'), TEMPLATE_DATABASE);
  const { db, close } = createDb(server.url(TEMPLATE_DATABASE), { max: 1 });
  await runMigrations(db);
  await close();
  project.provide('pgAdminUrl', server.url('postgres'));
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
