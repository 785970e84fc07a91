import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// A tenant filter written by hand: `eq(patients.organizationId, ...)`, `eq(x, t.organizationId)`,
// or the tenant's own row `eq(organizations.id, ...)` (tenant.organization() says it).
const HAND_WRITTEN_FILTER =
  /\beq\(\s*[\w.]+\.organizationId\b|\beq\([^()]*,\s*[\w.]+\.organizationId\s*\)|\beq\(\s*organizations\.id\b/;

describe('one tenancy guard', () => {
  it('no query in the API compares organizationId by hand: tenant-scoped access goes through tenancy.ts', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !file.endsWith('tenancy.ts'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, index }))
          .filter(({ line }) => HAND_WRITTEN_FILTER.test(line))
          .map(({ index }) => `${relative(SRC, file)}:${index + 1}`),
      );
    expect(offenders).toEqual([]);
  });
});
