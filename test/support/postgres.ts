import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase } from './postgres-server.js';

export { PASSWORD, type PostgresServer, startPostgres } from './postgres-server.js';

/**
 * A new empty database on the server the test run shares (started once by
 * `test/support/postgres-global.ts`): each test file gets its own, so files running in parallel
 * never see each other's rows. When the server could not start, this throws its reason: a
 * PostgreSQL test fails loudly, it is never skipped.
 */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const shared = inject('postgres');
  if ('error' in shared) throw new Error(`PostgreSQL tests cannot run: ${shared.error}`);
  const name = `t_${Math.random().toString(36).slice(2, 10)}`;
  const url = await createDatabase(shared.url, name);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: shared.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { url: string } | { error: string };
  }
}
