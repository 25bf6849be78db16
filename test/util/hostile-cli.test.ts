import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { runConsole } from '../../src/console.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import { memoryIo } from '../helpers.js';
import { realIndex } from '../slack/harness.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/fake-slack.js';
import { HOSTILE } from '../support/hostile.js';

let index: SearchIndex;
beforeAll(async () => {
  index = await realIndex();
});

describe('ask - with hostile lines', () => {
  it('gives every input line exactly one JSON line, in order, and never stops the batch', async () => {
    const input = `${HOSTILE.join('\n')}\nwhat did Korea do in January\n`;
    const io = memoryIo(input);
    expect(await main(['ask', '-', '--today', '2026-11-23'], io)).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    expect(lines).toHaveLength(HOSTILE.length + 1);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const p of parsed) expect(p.error).toBeUndefined();
    expect(parsed[7]?.truncated).toEqual({ analyzedChars: 1000, length: 40_000 });
    expect(JSON.stringify(parsed.at(-1))).toContain('KR');
  }, 60_000);

  it('answers a single hostile question on the command line', async () => {
    const io = memoryIo();
    expect(await main(['ask', 'AI\u0000法 韓国', '--today', '2026-11-23', '--json'], io)).toBe(0);
    expect(io.err()).not.toMatch(/Cannot read/);
  });
});

describe('console with hostile lines', () => {
  it('answers each line and never shows an internal error', async () => {
    const output = new PassThrough();
    let out = '';
    output.on('data', (c) => {
      out += String(c);
    });
    await runConsole({
      index: () => index,
      today: () => '2026-11-23',
      input: Readable.from([`${HOSTILE.join('\n')}\nquit\n`]),
      output,
    });
    expect(out).not.toMatch(/Cannot read|undefined|TypeError|Sorry/);
    expect(out).toContain('最初の1,000文字(全40,000文字)');
    expect(out.split('> ').length).toBeGreaterThan(HOSTILE.length);
  }, 60_000);
});

describe('console when answering fails', () => {
  it('shows an error id and no internal message; the detail goes to the errors stream', async () => {
    const output = new PassThrough();
    const errors = new PassThrough();
    let out = '';
    let err = '';
    output.on('data', (c) => {
      out += String(c);
    });
    errors.on('data', (c) => {
      err += String(c);
    });
    let calls = 0;
    await runConsole({
      index: () => {
        calls += 1;
        if (calls > 1) throw new TypeError("Cannot read properties of undefined (reading 'length')");
        return index;
      },
      today: () => '2026-11-23',
      input: Readable.from(['Korea\nquit\n']),
      output,
      errors,
    });
    expect(out).toMatch(/Sorry, that question could not be answered \(error id: [0-9a-f]{8}\)/);
    expect(out).not.toContain('Cannot read');
    expect(err).toContain("Cannot read properties of undefined (reading 'length')");
  });
});

describe('digest --run-now with a broken state file', () => {
  it('says which file and what to do, in one line, and exits 1', async () => {
    const state = join(mkdtempSync(join(tmpdir(), 'policy-bot-runnow-broken-')), 'state.sqlite');
    writeFileSync(state, 'not a database at all\n'.repeat(50));
    const io = memoryIo('', {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      POLICY_BOT_STATE_PATH: state,
      LOG_LEVEL: 'error',
    });
    expect(await main(['digest', '--run-now'], io)).toBe(1);
    expect(io.err().trim()).toBe(
      `state database ${state} is not a SQLite database (corrupt?): move it away to start fresh; subscriptions will be lost`,
    );
  });
});
