import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeSlack } from './helpers.js';
import { spawnApp } from './support/app-process.js';
import { BOT_TOKEN, send, slashCommand } from './support/fake-slack.js';

const ROOT = join(import.meta.dirname, '..');

const fake = useFakeSlack();

describe('the app entry point in HTTP mode', () => {
  it('loads config and the index, starts Bolt and the digest schedule, answers a signed /policy, never logs the token', async () => {
    const state = join(mkdtempSync(join(tmpdir(), 'policy-bot-entry-')), 'state.sqlite');
    const { child, port, logs } = await spawnApp(fake, { POLICY_BOT_STATE_PATH: state });
    try {
      await fake.waitFor(() => (logs().includes('digest: next run') ? true : undefined), 30_000);
      expect(logs()).toContain(`HTTP on port ${port}`);
      const res = await send(port, slashCommand('source for SB53', fake.responseUrl('entry')), 'form');
      expect(res.status).toBe(200);
      const { body } = await fake.waitFor(() => fake.responses.find((r) => r.id === 'entry'));
      expect(JSON.stringify(body.blocks)).toContain('https://legiscan.com/CA/text/SB53/2025');
      expect(logs()).not.toContain(BOT_TOKEN);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('refuses to start with a bad configuration, naming every bad variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/app.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SLACK_BOT_TOKEN: 'nope', PORT: '99999' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c) => {
      err += String(c);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(err).toContain('SLACK_BOT_TOKEN: should be a bot token starting with xoxb-');
    expect(err).toContain('PORT: should be a TCP port number');
    expect(err).not.toMatch(/\n\s+at /);
  }, 30_000);
});
