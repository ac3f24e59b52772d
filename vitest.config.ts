import { defineConfig } from 'vitest/config';

// One DynamoDB Local per run (test/support/global-setup.ts), shared by every file; each file gets a
// table of its own (test/support/setup.ts). The e2e files drive the real local stage over HTTP; they
// share its one test clock, so they run one file at a time.
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit+integration',
          include: ['test/*.test.ts', 'test/unit/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/integration/**/*.test.ts'],
        },
      },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
