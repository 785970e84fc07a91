import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layout rules of docs/ARCHITECTURE.md, checked on the source so they cannot drift.
const PACKAGES = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Which of our packages each package's src may import. */
const MAY_IMPORT: Record<string, string[]> = {
  core: [],
  db: ['core'],
  integrations: ['core'],
  auth: ['core', 'db'],
  ui: ['core'],
  api: ['core', 'db', 'auth', 'integrations'],
};

describe('house rules', () => {
  it('every package imports only the packages below it', () => {
    const wrong = Object.entries(MAY_IMPORT).flatMap(([name, allowed]) =>
      sourceFiles(join(PACKAGES, name, 'src')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/from '@carelane\/([a-z-]+)/g)]
          .map((match) => match[1] ?? '')
          .filter((imported) => imported !== name && !allowed.includes(imported))
          .map((imported) => `${relative(PACKAGES, file)} imports @carelane/${imported}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('no handler imports another handler: shared logic lives in a module of its own', () => {
    const src = join(PACKAGES, 'api/src');
    const wrong = sourceFiles(src)
      .filter((file) => !file.endsWith('/router.ts'))
      .filter((file) => /from '[^']*\.handler'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file));
    expect(wrong).toEqual([]);
  });
});
