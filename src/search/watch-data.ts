import { type FSWatcher, readdirSync, watch } from 'node:fs';
import { join, relative } from 'node:path';

function directories(root: string): string[] {
  const out = [root];
  for (const e of readdirSync(root, { withFileTypes: true }))
    if (e.isDirectory()) out.push(...directories(join(root, e.name)));
  return out;
}

/**
 * Calls `onChange` once data/ has been quiet for `debounceMs` after a change (an editor or
 * `policy-bot add` writes several files, each via a temporary file and a rename). Returns a
 * function that stops watching.
 *
 * @remarks Each directory is watched on its own (not `recursive`, whose Linux emulation in
 * Node 20 follows inodes and misses a file replaced by a rename); new directories are picked
 * up as they appear.
 */
export function watchDataDir(
  dataDir: string,
  onChange: (files: string[]) => void,
  { debounceMs = 500, log = (_: string) => {} } = {},
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    try {
      const w = watch(dir, (_event, file) => {
        if (file && /\.tmp-\d+$/.test(String(file))) return;
        if (file)
          changed.add(
            relative(dataDir, join(dir, String(file)))
              .split('\\')
              .join('/'),
          );
        clearTimeout(timer);
        timer = setTimeout(() => {
          try {
            for (const d of directories(dataDir)) add(d);
          } catch {
            // data/ itself went away; the reload will say so
          }
          const files = [...changed].sort();
          changed.clear();
          onChange(files);
        }, debounceMs);
      });
      w.unref();
      w.on('error', (err) =>
        log(`policy-bot: watching ${dir} stopped (${err.message}); use policy-bot reload`),
      );
      watchers.set(dir, w);
    } catch (err) {
      log(
        `policy-bot: cannot watch ${dir} for changes (${(err as Error).message}); use policy-bot reload or SIGHUP`,
      );
    }
  };
  try {
    for (const d of directories(dataDir)) add(d);
  } catch (err) {
    log(`policy-bot: cannot watch ${dataDir} (${(err as Error).message}); use policy-bot reload or SIGHUP`);
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers.values()) w.close();
  };
}
