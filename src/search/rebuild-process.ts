import { loadTokenizer } from '../analyze/kuromoji.js';
import { runInChildProcess, runWhenStarted } from '../util/child-process.js';
import { loadIndexAsync, openIndex, readManifest, type SearchIndex, staleness } from './index-store.js';

/**
 * Rebuilds index/ from data/ in a child process (kuromoji analysis is synchronous work that would
 * otherwise hold up acks for a second or more), then loads the result here. Rejects, with the
 * child's reason, when no current index could be built: the caller keeps the last good one.
 */
export async function rebuildInChildProcess({
  dataDir,
  indexDir,
  log = () => {},
}: {
  dataDir: string;
  indexDir: string;
  log?: (line: string) => void;
}): Promise<SearchIndex> {
  // The same file runs as the child.
  await runInChildProcess(import.meta.url, [dataDir, indexDir], { name: 'index rebuild', log });
  await loadTokenizer();
  return loadIndexAsync(indexDir);
}

/** The child: brings index/ up to date with data/ under the usual fault policy; exit 1 if it is still stale. */
async function childMain([dataDir = '', indexDir = '']: string[]): Promise<number> {
  await openIndex({ dataDir, indexDir, log: (l) => process.stderr.write(`${l}\n`) });
  const why = staleness(readManifest(indexDir), dataDir);
  if (why) {
    process.stderr.write(`policy-bot: index/ is not current (${why}); the reasons are above\n`);
    return 1;
  }
  return 0;
}

runWhenStarted(import.meta.url, childMain, 'policy-bot: ');
