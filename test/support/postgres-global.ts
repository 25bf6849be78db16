import type { TestProject } from 'vitest/node';
import { type PostgresServer, startPostgres } from './postgres-server.js';

/**
 * One real PostgreSQL server for the whole test run (vitest globalSetup), stopped and removed at
 * the end. If it cannot start, the reason is handed to the tests instead of failing the run:
 * every PostgreSQL test then fails with it, and the others still run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: PostgresServer | undefined;
  try {
    server = await startPostgres();
    project.provide('postgres', { url: server.url });
  } catch (err) {
    project.provide('postgres', { error: err instanceof Error ? err.message : String(err) });
  }
  return async () => {
    await server?.destroy();
  };
}
