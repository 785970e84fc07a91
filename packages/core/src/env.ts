import type { z } from 'zod';

/**
 * Validates a process's environment against the schema its env module composed, and reports every
 * bad variable in one error ("Invalid dashboard configuration: AUTH_SECRET: ...; DATABASE_URL: ...").
 * Only the apps' and CLIs' env modules call it; they are the readers of process.env.
 */
export function parseEnv<Schema extends z.ZodType>(schema: Schema, values: unknown, app: string): z.output<Schema> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid ${app} configuration: ${problems}`);
  }
  return parsed.data;
}
