import type { Database } from '@carelane/db';
import { sql } from 'drizzle-orm';

export type Health =
  | { status: 'ok'; database: { roundTripMs: number; version: string } }
  | { status: 'unavailable'; database: { error: string } };

/** One round trip to the database, with a timeout so a hung server answers 503 quickly. */
export async function checkHealth(db: Database, timeoutMs = 3000): Promise<Health> {
  const started = performance.now();
  try {
    const result = await Promise.race([
      db.execute<{ version: string }>(sql`select current_setting('server_version') as version`),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
    const version = result[0]?.version ?? 'unknown';
    return { status: 'ok', database: { roundTripMs: Math.round((performance.now() - started) * 10) / 10, version } };
  } catch (err) {
    return {
      status: 'unavailable',
      database: { error: err instanceof Error && err.message === 'timeout' ? 'timeout' : 'unreachable' },
    };
  }
}
