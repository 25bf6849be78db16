import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where the running app writes its pid: beside the state database, so app and CLI agree. */
export function pidFilePath(statePath: string, root: string): string {
  return join(dirname(resolve(root, statePath)), 'policy-bot.pid');
}

/** Records this process as the running app; returns the function that removes the file again. */
export function writePidFile(path: string, pid = process.pid): () => void {
  mkdirSync(dirname(path), { recursive: true });
  // The script beside the pid lets `reload` check the pid is still this app, not a reused one.
  // Owner only (0600), like the state beside it; an existing file keeps its mode on rewrite, hence the chmod.
  writeFileSync(path, `${pid}\n${process.argv[1] ?? ''}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return () => {
    try {
      if (readFileSync(path, 'utf8').split('\n')[0] === String(pid)) rmSync(path, { force: true });
    } catch {
      // already gone
    }
  };
}

/**
 * {@link writePidFile} for the app's start: the pid file only serves `policy-bot reload`, so a
 * file that cannot be written (a read-only state folder) is a warning to log, never a reason not
 * to start. Returns the remover, or the warning.
 */
export function tryWritePidFile(
  path: string,
  pid = process.pid,
): { remove: () => void } | { warning: string } {
  try {
    return { remove: writePidFile(path, pid) };
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return {
      warning: `policy-bot: cannot write the pid file ${path} (${why}): \`policy-bot reload\` will not find this app; the data/ watcher and SIGHUP (kill -HUP ${pid}) still reload it`,
    };
  }
}

/** The pid in the file, or an explanation of why there is none. */
export function readPidFile(path: string): { pid: number } | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return {
        error: `no running app found (${path} does not exist): start it with npm start (an app that could not write this file said so at start; send it SIGHUP instead)`,
      };
    return {
      error: `no running app found: cannot read ${path} (${code ?? (err as Error).message}); an app that could not write it said so at start: send it SIGHUP instead`,
    };
  }
  const [first = '', script = ''] = text.split('\n');
  const pid = Number(first.trim());
  if (!Number.isInteger(pid) || pid <= 0) return { error: `${path} does not hold a process id` };
  // Where /proc exists, make sure the pid still runs the app (a stale file after a crash could
  // name a reused pid, and SIGHUP ends most programs).
  if (script && existsSync('/proc')) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return { error: `the app recorded in ${path} (pid ${pid}) is not running: start it with npm start` };
    }
    if (!cmdline.split('\0').includes(script))
      return {
        error: `pid ${pid} in ${path} is no longer the app (stale file): start the app, or delete the file`,
      };
  }
  return { pid };
}
