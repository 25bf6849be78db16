import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApp } from '../support/app-process.js';
import { FakeSlack, send, slashCommand } from '../support/fake-slack.js';

let fake: FakeSlack;
let child: ChildProcess;
let logs: () => string = () => '';
let port = 0;
let statePath = '';

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  statePath = join(mkdtempSync(join(tmpdir(), 'policy-bot-broken-')), 'policy-bot.sqlite');
  writeFileSync(statePath, 'garbage, not a database\n'.repeat(100));
  const app = await spawnApp(fake, { POLICY_BOT_STATE_PATH: statePath });
  child = app.child;
  port = app.port;
  logs = app.logs;
  const until = Date.now() + 30_000;
  while (!logs().includes('policy-bot is running')) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`app did not start:\n${logs()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}, 40_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await fake.stop();
});

describe('the app started with a state file that is not a database', () => {
  it('names the file and the fix in one log line, and keeps running', () => {
    expect(logs()).toContain(
      `state database ${statePath} is not a SQLite database (corrupt?): move it away to start fresh; subscriptions will be lost — digests, subscriptions and event dedupe are off`,
    );
    expect(child.exitCode).toBeNull();
  });

  it('answers questions', async () => {
    const res = await send(port, slashCommand('what did Korea do in January', fake.responseUrl('q')), 'form');
    expect(res.status).toBe(200);
    const r = await fake.waitFor(() => fake.responses.find((x) => x.id === 'q' && x.body.blocks), 20_000);
    expect(JSON.stringify(r.body)).toContain('South Korea');
  }, 30_000);

  it('answers subscribe with an error id instead of confirming', async () => {
    await send(port, slashCommand('subscribe', fake.responseUrl('s')), 'form');
    const r = await fake.waitFor(() => fake.responses.find((x) => x.id === 's'), 10_000);
    expect(String(r.body.text)).toMatch(/unavailable right now .*error id: [0-9a-f]{8}/);
  }, 15_000);

  it('survives a signed null body', async () => {
    const res = await send(port, 'null', 'json');
    expect(res.status).toBe(400);
    await new Promise((r) => setTimeout(r, 100));
    expect(child.exitCode).toBeNull();
  });
});
