import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/embedded';

// postgres.js 3.4.9 reserved a transaction's connection only when BEGIN left room in the
// connection's pipeline; otherwise BEGIN ran, the connection went back to the pool and unrelated
// queries ran inside a transaction that never ended (porsager/postgres#1189). Under load that hung
// whole test runs. patches/postgres@3.4.9.patch reserves it whenever BEGIN is sent.
/** `max_pipeline` is a real option of postgres.js that its type definitions leave out. */
const withPipeline = (maxPipeline: number, max: number) =>
  ({ max, max_pipeline: maxPipeline, onnotice: () => {} }) as postgres.Options<Record<string, never>>;

let dir = '';
let server: EmbeddedServer | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carelane-tx-'));
  server = await startEmbeddedPostgres(dir, { durable: false });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('postgres.js transactions', () => {
  it('reserve their connection even when BEGIN fills the pipeline', async () => {
    // max_pipeline 0: every query fills the pipeline, the boundary case made certain.
    const sql = postgres(server?.url('postgres') ?? '', withPipeline(0, 2));
    try {
      const result = await sql.begin(async (tx) => {
        const [row] = await tx`select txid_current_if_assigned() is null as fresh, 1 as ok`;
        return row;
      });
      expect(result).toMatchObject({ ok: 1 });
      // The connection is back outside any transaction: a plain query sees no open one.
      const [state] = await sql`select count(*)::int as open from pg_stat_activity
        where state = 'idle in transaction' and datname = current_database()`;
      expect(state?.open).toBe(0);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });

  it('run concurrently beside plain queries without sharing a connection', async () => {
    const sql = postgres(server?.url('postgres') ?? '', withPipeline(1, 3));
    try {
      await sql`create table if not exists tx_probe (id int primary key)`;
      await sql`truncate tx_probe`;
      const work = Array.from({ length: 60 }, (_, i) =>
        i % 3 === 0
          ? sql.begin(async (tx) => {
              const [me] = await tx`select pg_backend_pid() as pid`;
              await tx`insert into tx_probe values (${i})`;
              const [again] = await tx`select pg_backend_pid() as pid`;
              return me?.pid === again?.pid;
            })
          : sql`select pg_sleep(0.005), 1 as ok`.then(() => true),
      );
      expect((await Promise.all(work)).every(Boolean)).toBe(true);
      const [count] = await sql`select count(*)::int as n from tx_probe`;
      expect(count?.n).toBe(20);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
