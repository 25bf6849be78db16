import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);

/** Bumped when what a cache entry holds changes. */
const FORMAT = 1;

type ParseFn = (text: string) => unknown;
let yamlParse: ParseFn | undefined;
let yamlVersion: string | undefined;

/** The `yaml` package, loaded on the first miss only (its import alone costs ≈50 ms). */
function yaml(): { parse: ParseFn; version: string } {
  yamlParse ??= (require('yaml') as { parse: ParseFn }).parse;
  yamlVersion ??= (require('yaml/package.json') as { version: string }).version;
  return { parse: yamlParse, version: yamlVersion };
}

/**
 * Where parsed YAML is kept: `POLICY_BOT_YAML_CACHE` (a directory; `off` disables it), else
 * `node_modules/.cache/policy-bot/yaml` beside the installed `yaml` package.
 */
export function yamlCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.POLICY_BOT_YAML_CACHE;
  if (set === 'off') return undefined;
  if (set) return set;
  try {
    return join(dirname(dirname(require.resolve('yaml/package.json'))), '.cache', 'policy-bot', 'yaml');
  } catch {
    return undefined;
  }
}

/** What a cache file holds: the key it was written under, and the parsed value. */
interface Entry {
  key: string;
  value: unknown;
}

/**
 * Parses YAML text, through a content-addressed cache of the parsed values.
 *
 * The `yaml` package takes ≈0.2 s for the 55 KB glossary and ≈0.4 s for all lexicons, which
 * every process (each CLI run, each worker thread) paid before its first answer. The lexicons
 * change a few times a month, so their parsed form is kept as JSON under the SHA-256 of the
 * text and the parser's version: an edited file is a new key, never a stale value. A value
 * JSON cannot hold exactly is not cached; a missing, unreadable or corrupt entry is a miss; a
 * cache that cannot be written (read-only, full disk) only costs the parse. Parse errors are
 * thrown as `yaml` throws them, so callers' messages (file, entry) are unchanged.
 */
export function parseYamlCached(text: string, env: NodeJS.ProcessEnv = process.env): unknown {
  const dir = yamlCacheDir(env);
  if (!dir) return yaml().parse(text);
  // The parser's version is part of the key only once it is known (from the first miss); the
  // package's version file is cheap to read, the package itself is not.
  const version = yamlVersion ?? (require('yaml/package.json') as { version: string }).version;
  const key = createHash('sha256').update(`${FORMAT}\0${version}\0${text}`).digest('hex');
  const file = join(dir, `${key}.json`);
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    if (entry && entry.key === key) return entry.value;
  } catch {
    // a miss
  }
  const value = yaml().parse(text);
  const json = JSON.stringify({ key, value } satisfies Entry);
  if (json !== undefined && isDeepStrictEqual((JSON.parse(json) as Entry).value, value)) {
    const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(tmp, json);
      renameSync(tmp, file);
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // nothing was written there
      }
    }
  }
  return value;
}
