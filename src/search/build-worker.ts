import { parentPort, workerData } from 'node:worker_threads';
import { loadTokenizer } from '../analyze/kuromoji.js';
import type { PoolOptions } from './analysis-pool.js';
import { encodeMiniSearch } from './compact-index.js';
import { type BuildOptions, buildIndexInParallel } from './index-store.js';
import { encodeVocabulary } from './vocabulary.js';

/**
 * A whole index build on its own thread (see build-off-thread.ts): ingest, analysis (with its
 * own analysis workers) and the compact index, sent back as items, manifest, header and the
 * postings buffer (transferred, not copied).
 */
const port = parentPort;
if (!port) throw new Error('policy-bot: build-worker must run in a worker thread');
const { dataDir, options } = workerData as { dataDir: string; options: BuildOptions & PoolOptions };
try {
  await loadTokenizer();
  const { index, problems, stats } = await buildIndexInParallel(dataDir, options);
  const { header, postings } = encodeMiniSearch(index.mini);
  port.postMessage(
    {
      ok: true,
      items: index.items,
      manifest: index.manifest,
      header,
      postings,
      vocabulary: encodeVocabulary(index.vocabulary),
      problems,
      stats,
    },
    [postings.buffer as ArrayBuffer],
  );
} catch (err) {
  port.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
