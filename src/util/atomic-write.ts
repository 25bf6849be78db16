import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';

/** The suffix of a file being written; a reader never sees one under its final name. */
export const TEMPORARY_SUFFIX = '.tmp';

/**
 * Writes `data` to `path` whole or not at all: into a temporary file beside it (unique to this
 * process and thread, so concurrent writers never share one), then renamed over the target. With
 * `durable` the bytes are synced to disk before the rename. On failure the temporary file is
 * removed and the error thrown; the target is untouched.
 */
export function writeFileAtomically(
  path: string,
  data: string | Uint8Array,
  { durable = false }: { durable?: boolean } = {},
): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${threadId}.${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already renamed.
    }
    throw err;
  }
}
