import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import type { Io } from '../src/util/io.js';
import { FakeSlack } from './support/fake-slack.js';

export const DATA_DIR = join(import.meta.dirname, '..', 'data');
export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** A throwaway data/ directory with the given files (paths relative to it). */
export function tempData(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-bot-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** An in-memory Io whose output can be read back. */
export function memoryIo(
  stdinText = '',
  env: NodeJS.ProcessEnv = {},
): Io & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += String(c);
  });
  stderr.on('data', (c) => {
    err += String(c);
  });
  return {
    stdout,
    stderr,
    stdin: Readable.from([stdinText]),
    env,
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}

/** A fake Slack Web API for the tests of this file (or describe block): started before, stopped after. */
export function useFakeSlack(): FakeSlack {
  const fake = new FakeSlack();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  return fake;
}
