import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { writeFileAtomically } from './atomic-write.js';
import { dependencyCacheRoot } from './paths.js';

const require = createRequire(import.meta.url);

/** Bumped when what a cache entry holds changes. */
const FORMAT = 1;

type ParseFn = (text: string) => unknown;
let yamlParse: ParseFn | undefined;

/** The `yaml` package's parser, loaded on the first miss only (its import alone costs ≈50 ms). */
function parse(text: string): unknown {
  yamlParse ??= (require('yaml') as { parse: ParseFn }).parse;
  return yamlParse(text);
}

/** Its version, part of every key (reading package.json does not load the package). */
const yamlVersion = (require('yaml/package.json') as { version: string }).version;

/**
 * Where parsed YAML is kept: `POLICY_BOT_YAML_CACHE` (a directory; `off` disables it), else
 * `yaml/` under {@link dependencyCacheRoot}.
 */
export function yamlCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.POLICY_BOT_YAML_CACHE;
  if (set === 'off') return undefined;
  return set || join(dependencyCacheRoot(), 'yaml');
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
  if (!dir) return parse(text);
  const key = createHash('sha256').update(`${FORMAT}\0${yamlVersion}\0${text}`).digest('hex');
  const file = join(dir, `${key}.json`);
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    if (entry && entry.key === key) return entry.value;
  } catch {
    // a miss
  }
  const value = parse(text);
  const json = JSON.stringify({ key, value } satisfies Entry);
  if (json !== undefined && isDeepStrictEqual((JSON.parse(json) as Entry).value, value)) {
    try {
      writeFileAtomically(file, json);
    } catch {
      // A read-only or full disk: the next process parses again.
    }
  }
  return value;
}
