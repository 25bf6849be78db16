import type { Readable, Writable } from 'node:stream';

/** The process edges a command needs, passed in so tests can drive commands in-process. */
export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const processIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});

export const println = (s: NodeJS.WritableStream, text = '') => s.write(`${text}\n`);
