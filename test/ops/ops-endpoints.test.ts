import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, spawnApp } from '../support/app-process.js';
import { FakeSlack, send, slashCommand } from '../support/fake-slack.js';
import { PASSWORD, type PostgresServer, startPostgres } from '../support/postgres.js';

/**
 * The app's operations endpoints, on the real entry point in HTTP mode with its own real
 * PostgreSQL server, which the test stops and starts again: `/readyz` says 503 (with the reason)
 * while the database is down and 200 after; questions are answered throughout; state features
 * answer with an error id; the connection string never shows; SIGTERM stops the process cleanly.
 */

const fake = new FakeSlack();
let server: PostgresServer;
let app: AppProcess;

beforeAll(async () => {
  await fake.start();
  // Its own server (not the run's shared one): this test stops and restarts it.
  server = await startPostgres();
  app = await spawnApp(fake, {
    DATABASE_URL: server.url,
    POLICY_BOT_STATE_PATH: join(mkdtempSync(join(tmpdir(), 'policy-bot-ops-')), 'state.sqlite'),
  });
  // Serving HTTP, and the schema migrated (either may be logged first).
  const started = () =>
    app.logs().includes('policy-bot is running') && app.logs().includes('schema up to date');
  await fake
    .waitFor(() => (started() ? true : undefined), 60_000)
    .catch(() => {
      throw new Error(`the app did not start:\n${app.logs().slice(-3000)}`);
    });
}, 90_000);
afterAll(async () => {
  app.child.kill('SIGKILL');
  await fake.stop();
  await server.destroy();
});

const get = async (path: string) => {
  const res = await fetch(`http://127.0.0.1:${app.port}${path}`);
  return { status: res.status, body: await res.text() };
};

/** Polls `path` until it answers `status` (the app notices the database within a few requests). */
async function until(path: string, status: number) {
  let last = { status: 0, body: '' };
  for (let i = 0; i < 200; i++) {
    last = await get(path);
    if (last.status === status) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${path} stayed ${last.status}: ${last.body}`);
}

let n = 0;
async function policy(text: string): Promise<string> {
  const id = `ops-${++n}`;
  expect((await send(app.port, slashCommand(text, fake.responseUrl(id)), 'form')).status).toBe(200);
  const { body } = await fake.waitFor(() => fake.responses.find((r) => r.id === id), 20_000);
  return JSON.stringify(body);
}

describe('/healthz, /readyz and /metrics', () => {
  it('at start, nothing used the schema before it was migrated (a fresh database)', () => {
    expect(app.logs()).not.toMatch(/does not exist|could not read the last run/);
  });

  it('alive and ready with the database up; metrics count questions, acks and the pool', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: 'ok\n' });
    expect((await until('/readyz', 200)).body).toBe('ready\n');
    expect(await policy('SB53')).toContain('legiscan.com');
    const metrics = (await get('/metrics')).body;
    expect(metrics).toMatch(/^policy_bot_questions_total\{outcome="answered"\} [1-9]/m);
    expect(metrics).toMatch(/^policy_bot_ack_seconds_count\{kind="command"\} [1-9]/m);
    expect(metrics).toMatch(/^policy_bot_answer_seconds_count [1-9]/m);
    expect(metrics).toMatch(/^policy_bot_db_pool_connections\{state="total"\} \d+/m);
    for (const name of [
      'slack_api_errors_total',
      'slack_api_retries_total',
      'digest_parts_posted_total',
      'index_reloads_total',
    ])
      expect(metrics).toContain(`# TYPE policy_bot_${name} counter`);
  });

  it('the database stopped: /readyz 503 with the reason, questions still answered, state features give an error id', async () => {
    await server.stop();
    const down = await until('/readyz', 503);
    expect(down.body).toMatch(
      /^not ready\nstate database unavailable: PostgreSQL 127\.0\.0\.1:\d+\/postgres cannot be reached/,
    );
    expect(await get('/healthz')).toEqual({ status: 200, body: 'ok\n' });
    expect(await policy('SB53')).toContain('legiscan.com');
    const refused = await policy('subscriptions');
    expect(refused).toMatch(/Digests and subscriptions are unavailable right now .*error id: [0-9a-f]{8}/);
    for (const text of [down.body, refused, app.logs()]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(server.url);
    }
  }, 60_000);

  it('the database back: /readyz 200 again, and state features work without a restart', async () => {
    await server.start();
    expect((await until('/readyz', 200)).body).toBe('ready\n');
    expect(await policy('subscribe Korea')).toContain('Subscribed');
    expect(await policy('subscriptions')).toContain('Korea');
  }, 60_000);

  it('SIGTERM: the process finishes what is in flight and exits cleanly', async () => {
    const exited = new Promise<number | null>((resolve) => app.child.once('exit', (code) => resolve(code)));
    app.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(app.logs()).toContain('SIGTERM: shutting down');
    expect(app.logs()).toContain('stopped');
  }, 30_000);
});
