import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { memoryIo } from './helpers.js';

/** Every subcommand the CLI dispatches (src/cli.ts `main`). */
const COMMANDS = [
  'ask',
  'cite',
  'digest',
  'feedback',
  'index',
  'add',
  'fetch',
  'english',
  'reload',
  'ingest',
];

describe('policy-bot COMMAND --help', () => {
  it.each(COMMANDS)('%s --help prints its own usage and does nothing else', async (command) => {
    for (const flag of ['--help', '-h']) {
      const io = memoryIo();
      expect(await main([command, flag], io)).toBe(0);
      expect(io.out()).toMatch(/^Usage:\n/);
      expect(io.out()).toContain(`policy-bot ${command}`);
      expect(io.err()).toBe('');
    }
  });

  it('add --help is not read as a file name, wherever it stands', async () => {
    const io = memoryIo();
    expect(await main(['add', 'missing.html', '--help', '--data', '/nonexistent'], io)).toBe(0);
    expect(io.out()).toContain('policy-bot add URL');
    expect(io.err()).not.toContain('cannot read');
  });

  it('help COMMAND is the same text; help alone lists every command', async () => {
    const one = memoryIo();
    const other = memoryIo();
    await main(['help', 'fetch'], one);
    await main(['fetch', '--help'], other);
    expect(one.out()).toBe(other.out());
    const all = memoryIo();
    await main(['help'], all);
    for (const c of COMMANDS) expect(all.out()).toContain(`policy-bot ${c}`);
  });
});
