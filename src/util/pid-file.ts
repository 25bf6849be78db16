import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where the running app writes its pid: beside the state database, so app and CLI agree. */
export function pidFilePath(statePath: string, root: string): string {
  return join(dirname(resolve(root, statePath)), 'policy-bot.pid');
}

/** Records this process as the running app; returns the function that removes the file again. */
export function writePidFile(path: string, pid = process.pid): () => void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${pid}\n`);
  return () => {
    try {
      if (readFileSync(path, 'utf8').trim() === String(pid)) rmSync(path, { force: true });
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
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) return { error: `${path} does not hold a process id` };
  return { pid };
}
