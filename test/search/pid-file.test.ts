import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { readPidFile, tryWritePidFile, writePidFile } from '../../src/util/pid-file.js';
import { memoryIo, useFakeSlack } from '../helpers.js';
import { spawnApp } from '../support/app-process.js';
import { send, slashCommand } from '../support/fake-slack.js';

describe('the pid file policy-bot reload signals', () => {
  it('names this process while it runs, and is removed by its owner', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'policy-bot-pid-')), 'policy-bot.pid');
    const remove = writePidFile(path);
    expect(readPidFile(path)).toEqual({ pid: process.pid });
    remove();
    expect(readPidFile(path)).toMatchObject({ error: expect.stringContaining('does not exist') });
  });

  it('is read/write for the owner only, also when an older file was world-readable', () => {
    const before = process.umask(0o022);
    try {
      const path = join(mkdtempSync(join(tmpdir(), 'policy-bot-pid-')), 'policy-bot.pid');
      writePidFile(path)();
      writeFileSync(path, 'old\n', { mode: 0o644 });
      const remove = writePidFile(path);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      remove();
      const fresh = writePidFile(path);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      fresh();
    } finally {
      process.umask(before);
    }
  });

  it('refuses a stale file whose pid now runs something else', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'policy-bot-pid-')), 'policy-bot.pid');
    writeFileSync(path, `${process.pid}\n/nowhere/app.js\n`);
    const r = readPidFile(path);
    if (process.platform === 'linux')
      expect(r).toMatchObject({ error: expect.stringContaining('no longer the app') });
    writeFileSync(path, 'garbage\n');
    expect(readPidFile(path)).toMatchObject({ error: expect.stringContaining('does not hold a process id') });
  });
});

describe('policy-bot reload', () => {
  it('says plainly when no app is running', async () => {
    const io = memoryIo();
    const pidFile = join(mkdtempSync(join(tmpdir(), 'policy-bot-pid-')), 'policy-bot.pid');
    expect(await main(['reload', '--pid-file', pidFile], io)).toBe(1);
    expect(io.err()).toContain(`no running app found (${pidFile} does not exist): start it with npm start`);
  });
});

describe('a pid file that cannot be written', () => {
  const fake = useFakeSlack();

  it('is a warning, not an exception', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-bot-pid-'));
    // A directory where the file should be: unwritable for root too, unlike a chmod.
    mkdirSync(join(dir, 'policy-bot.pid'));
    const r = tryWritePidFile(join(dir, 'policy-bot.pid'));
    expect(r).toMatchObject({ warning: expect.stringContaining('cannot write the pid file') });
  });

  it('never stops the app from starting; reload then says it cannot find the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-bot-pid-'));
    const pidPath = join(dir, 'policy-bot.pid');
    mkdirSync(pidPath);
    const state = join(dir, 'state.sqlite');
    const app = await spawnApp(fake, { POLICY_BOT_STATE_PATH: state });
    try {
      await fake.waitFor(() => (app.logs().includes('policy-bot is running') ? true : undefined), 30_000);
      expect(app.logs()).toContain(
        `cannot write the pid file ${pidPath} (EISDIR): \`policy-bot reload\` will not find this app`,
      );
      const res = await send(app.port, slashCommand('SB53', fake.responseUrl('pid')), 'form');
      expect(res.status).toBe(200);
      await fake.waitFor(() => fake.responses.find((r) => r.id === 'pid'), 20_000);
      const io = memoryIo('', { POLICY_BOT_STATE_PATH: state });
      expect(await main(['reload'], io)).toBe(1);
      expect(io.err()).toContain(`no running app found: cannot read ${pidPath} (EISDIR)`);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- app log ---\n${app.logs().slice(-3000)}`);
    } finally {
      app.child.kill('SIGTERM');
    }
  }, 60_000);
});
