import { DrizzleQueryError } from 'drizzle-orm/errors';
import { pgErrorInfo } from '../pg-error';

/**
 * Describes a failure without quoting query parameters (they can be patient data): a failed
 * query is reported by its SQLSTATE only.
 */
export function describeError(err: unknown): string {
  const info = pgErrorInfo(err);
  if (info) return `PostgreSQL error ${info.code}${info.constraint ? ` (${info.constraint})` : ''}`;
  if (err instanceof DrizzleQueryError) return 'a database query failed';
  return err instanceof Error ? err.message : String(err);
}
