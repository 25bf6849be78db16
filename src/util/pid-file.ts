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

/** The pid in the file, or an explanation of why there is none. */
export function readPidFile(path: string): { pid: number } | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { error: `no running app found (${path} does not exist): start it with npm start` };
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
