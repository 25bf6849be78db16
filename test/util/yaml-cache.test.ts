import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYamlCached, yamlCacheDir } from '../../src/util/yaml-cache.js';

const LEXICON = join(import.meta.dirname, '..', '..', 'data', 'lexicon', 'glossary.yml');

function cacheIn(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = join(mkdtempSync(join(tmpdir(), 'policy-bot-yaml-')), 'cache');
  return { dir, env: { POLICY_BOT_YAML_CACHE: dir } };
}

describe('parseYamlCached', () => {
  it('gives what yaml.parse gives, first parsed and then from the cache', () => {
    const { dir, env } = cacheIn();
    const text = readFileSync(LEXICON, 'utf8');
    const expected = parse(text);
    expect(parseYamlCached(text, env)).toEqual(expected);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(parseYamlCached(text, env)).toEqual(expected);
    // The second answer came from the file: an entry edited under the same key is what is read.
    const file = join(dir, files[0] as string);
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { key: string; value: unknown };
    writeFileSync(file, JSON.stringify({ key: entry.key, value: 'from the cache' }));
    expect(parseYamlCached(text, env)).toBe('from the cache');
  });

  it('keys entries by content: an edited file is parsed again, never served stale', () => {
    const { dir, env } = cacheIn();
    expect(parseYamlCached('a: 1\n', env)).toEqual({ a: 1 });
    expect(parseYamlCached('a: 2\n', env)).toEqual({ a: 2 });
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('treats a corrupt or foreign entry as a miss', () => {
    const { dir, env } = cacheIn();
    parseYamlCached('b: [1, 2]\n', env);
    const file = join(dir, readdirSync(dir)[0] as string);
    writeFileSync(file, '{"key": "trunc');
    expect(parseYamlCached('b: [1, 2]\n', env)).toEqual({ b: [1, 2] });
    writeFileSync(file, JSON.stringify({ key: 'another key', value: 'wrong' }));
    expect(parseYamlCached('b: [1, 2]\n', env)).toEqual({ b: [1, 2] });
  });

  it('parses without a cache it cannot write, and caches nothing JSON cannot hold exactly', () => {
    const blocked = join(mkdtempSync(join(tmpdir(), 'policy-bot-yaml-')), 'a-file');
    writeFileSync(blocked, 'not a directory');
    expect(parseYamlCached('c: x\n', { POLICY_BOT_YAML_CACHE: join(blocked, 'cache') })).toEqual({ c: 'x' });
    const { dir, env } = cacheIn();
    expect(parseYamlCached('d: .inf\n', env)).toEqual({ d: Number.POSITIVE_INFINITY });
    expect(() => readdirSync(dir)).toThrow();
    expect(parseYamlCached('e: 1\n', { POLICY_BOT_YAML_CACHE: 'off' })).toEqual({ e: 1 });
    expect(yamlCacheDir({ POLICY_BOT_YAML_CACHE: 'off' })).toBeUndefined();
  });

  it('throws yaml’s own error for bad YAML', () => {
    const { env } = cacheIn();
    expect(() => parseYamlCached('a: [1, 2\n', env)).toThrow(/flow|collection|end/i);
  });
});
