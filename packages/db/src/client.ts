import { NAME_MATCH_THRESHOLD } from '@carelane/core';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
/** `$client` is the postgres.js pool underneath, for what Drizzle does not wrap (LISTEN). */
export type Database = PostgresJsDatabase<Schema> & { $client: Sql };
/** A database handle or an open transaction: handlers accept either. */
export type DbOrTx = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export type DbClient = { db: Database; close: () => Promise<void> };

/** Opens a pooled connection. Postgres notices are dropped: they can quote row values. */
export function createDb(url: string, options: { max?: number } = {}): DbClient {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: {
      application_name: 'carelane',
      // The patient search's name matching (`<%`) reads it; set per connection, so a search needs no transaction.
      'pg_trgm.word_similarity_threshold': String(NAME_MATCH_THRESHOLD),
    },
  });
  const db = drizzle(client, { schema, casing: undefined });
  return { db, close: () => client.end({ timeout: 5 }) };
}
