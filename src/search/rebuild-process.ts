import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadTokenizer } from '../analyze/kuromoji.js';
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
  const self = fileURLToPath(import.meta.url);
  // The same file runs as the child: .js from dist/, .ts under tsx (execArgv carries the loader).
  const child = spawn(process.execPath, [...process.execArgv, self, dataDir, indexDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let last = '';
  child.stderr.setEncoding('utf8');
  let buffered = '';
  child.stderr.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const l of lines)
      if (l.trim()) {
        last = l;
        log(l);
      }
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (buffered.trim()) last = buffered.trim();
  if (code !== 0) throw new Error(last.replace(/^policy-bot: /, '') || `index rebuild exited with ${code}`);
  await loadTokenizer();
  return loadIndexAsync(indexDir);
}

/** The child: brings index/ up to date with data/ under the usual fault policy; exit 1 if it is still stale. */
async function childMain(dataDir: string, indexDir: string): Promise<number> {
  await openIndex({ dataDir, indexDir, log: (l) => process.stderr.write(`${l}\n`) });
  const why = staleness(readManifest(indexDir), dataDir);
  if (why) {
    process.stderr.write(`policy-bot: index/ is not current (${why}); the reasons are above\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dataDir, indexDir] = process.argv.slice(2);
  childMain(dataDir ?? '', indexDir ?? '').then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`policy-bot: ${err.message}\n`);
      process.exit(1);
    },
  );
}
