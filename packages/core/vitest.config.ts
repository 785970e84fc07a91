import { defineConfig } from 'vitest/config';

// Property tests run hundreds of cases; on a busy 2-core CI machine (every package testing at once)
// the default 5 s per test is not enough, and a time limit is not what they test.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 30_000 } });
