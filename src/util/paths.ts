import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root, found from this file rather than the working directory, so
 * `npx policy-bot` and the compiled app find data/ and index/ wherever they are started.
 */
export function projectRoot(): string {
  root ??= findRoot();
  return root ?? process.cwd();
}

/** Found once: the lexicon asks for it on every read, and every question reads the lexicon. */
let root: string | null | undefined;

function findRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'policy-bot') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    dir = dirname(dir);
  }
  return null;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.POLICY_BOT_DATA_DIR ?? join(projectRoot(), 'data'));
}

export function defaultIndexDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.POLICY_BOT_INDEX_DIR ?? join(projectRoot(), 'index'));
}

const require = createRequire(import.meta.url);

/**
 * `node_modules/.cache/policy-bot/`, beside the installed dependencies (find-cache-dir's
 * convention): files derived from packages (kuromoji's unpacked dictionary, parsed YAML), rebuilt
 * whenever they are missing, so nothing there is ever committed or needed.
 */
export function dependencyCacheRoot(): string {
  return join(dirname(require.resolve('kuromoji/package.json')), '..', '.cache', 'policy-bot');
}
