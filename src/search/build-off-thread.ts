import type { Problem } from '../ingest/item.js';
import type { PoolOptions } from './analysis-pool.js';
import { type CompactHeader, decodeMiniSearch } from './compact-index.js';
import {
  type BuildOptions,
  type BuildStats,
  fromParts,
  type Manifest,
  type SearchIndex,
} from './index-store.js';
import { SEARCH_OPTIONS } from './options.js';
import { startWorker } from './start-worker.js';
import type { StoredItem } from './stored-item.js';
import { decodeVocabulary } from './vocabulary.js';

type Reply =
  | {
      ok: true;
      items: StoredItem[];
      manifest: Manifest;
      header: CompactHeader;
      postings: Uint8Array;
      vocabulary: string;
      problems: Problem[];
      stats: BuildStats;
    }
  | { ok: false; message: string };

/**
 * {@link buildIndexInParallel} run entirely on a worker thread, for a build while the app
 * serves (a live reload): ingest and analysis never block this thread's event loop, so Slack
 * acks stay fast. This thread only decodes the result (≈0.2–0.4 s at 10 000 items). The worker
 * loads its own kuromoji (≈0.2–0.4 s, ≈200 MB until it exits), so a build at start, before serving,
 * is cheaper with {@link buildIndexInParallel}. By default the build thread analyzes alone
 * (`workers: 0`): with the term cache a reload analyzes one month, and a full rebuild while
 * serving should not take the serving thread's core. Same output bytes as {@link buildIndex}.
 */
export function buildIndexOffThread(
  dataDir: string,
  options: BuildOptions & PoolOptions = {},
): Promise<{ index: SearchIndex; problems: Problem[]; stats: BuildStats }> {
  // One build thread, no analysis workers of its own unless asked: the serving thread keeps a
  // core, and the process holds two kuromoji dictionaries at most (≈0.4 GB), not three.
  const worker = startWorker('build-worker', {
    workerData: { dataDir, options: { workers: 0, ...options } },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: Reply) => {
      settled = true;
      void worker.terminate();
      if (!reply.ok) {
        reject(new Error(reply.message));
        return;
      }
      const postings = Buffer.from(
        reply.postings.buffer,
        reply.postings.byteOffset,
        reply.postings.byteLength,
      );
      const mini = decodeMiniSearch<StoredItem>(reply.header, postings, SEARCH_OPTIONS);
      resolve({
        index: fromParts(mini, reply.items, reply.manifest, decodeVocabulary(reply.vocabulary)),
        problems: reply.problems,
        stats: reply.stats,
      });
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled)
        reject(new Error(`policy-bot: the index build thread exited (code ${code}) without a result`));
      settled = true;
    });
  });
}
