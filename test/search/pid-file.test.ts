import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { readPidFile, writePidFile } from '../../src/util/pid-file.js';
import { memoryIo } from '../helpers.js';

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
