/** SQLSTATE and constraint of a Postgres error, whether raw or wrapped by Drizzle (`cause`). */
export type PgErrorInfo = { code: string; constraint?: string };

export function pgErrorInfo(err: unknown): PgErrorInfo | null {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current === 'object' && current !== null) {
      const candidate = current as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
      if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
        const constraint = candidate.constraint_name ?? candidate.constraint;
        return typeof constraint === 'string' ? { code: candidate.code, constraint } : { code: candidate.code };
      }
      current = (current as { cause?: unknown }).cause;
    } else break;
  }
  return null;
}
