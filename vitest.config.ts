import { defineConfig } from 'vitest/config';

// One DynamoDB Local per run (test/support/global-setup.ts), shared by every file; each file gets a
// table of its own (test/support/setup.ts). The e2e files drive the real local stage over HTTP.
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
