import { existsSync, readFileSync } from 'node:fs';
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
