import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Query } from 'minisearch';
import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { ask, warmUp } from '../src/query/ask.js';
import { understand } from '../src/query/understand.js';
import { buildIndex, buildIndexInParallel, loadIndex, saveIndex } from '../src/search/index-store.js';
import { defaultDataDir } from '../src/util/paths.js';
import { QUALITY_CASES, TODAY } from './questions.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';

/**
 * One corpus measured in fresh processes, so RSS is this corpus's alone. Prints one JSON line.
 *
 *   speed-worker build real|synthetic   → builds (full, unchanged, one month added), saves the
 *                                         index to a temporary directory and says where
 *   speed-worker serve INDEX_DIR        → what a serving process pays: kuromoji, index load,
 *                                         query latency (and plain MiniSearch's for the same
 *                                         terms), RSS
 */
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
const mb = (bytes: number) => bytes / 2 ** 20;

async function build(corpus: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'policy-bot-bench-data-'));
  const synthetic = corpus === 'synthetic' ? writeSyntheticCorpus(defaultDataDir(), dataDir) : undefined;
  if (!synthetic) cpSync(defaultDataDir(), dataDir, { recursive: true });
  const indexDir = mkdtempSync(join(tmpdir(), 'policy-bot-bench-index-'));
  const cacheDir = join(indexDir, '.term-cache');

  let t = process.hrtime.bigint();
  await loadTokenizer();
  const kuromojiMs = ms(t);

  // Warm-up on the real corpus (JIT, modules, kuromoji's first sentences), so neither timed
  // build below pays it alone.
  buildIndex(defaultDataDir());
  // Full build: nothing cached, analysis on every core.
  t = process.hrtime.bigint();
  const full = await buildIndexInParallel(dataDir, { cacheDir });
  const buildMs = ms(t);
  // The same full build on this thread only: what the worker pool saves (or costs) here.
  t = process.hrtime.bigint();
  await buildIndexInParallel(dataDir, { workers: 0 });
  const serialBuildMs = ms(t);
  // The same data again: every item's terms come from the cache.
  t = process.hrtime.bigint();
  await buildIndexInParallel(dataDir, { cacheDir });
  const unchangedMs = ms(t);
  t = process.hrtime.bigint();
  saveIndex(full.index, indexDir);
  const saveMs = ms(t);
  // One more month, in a copy of the corpus, sharing the cache: only its items are analyzed.
  const grownDir = mkdtempSync(join(tmpdir(), 'policy-bot-bench-data-'));
  cpSync(dataDir, grownDir, { recursive: true });
  if (synthetic) synthetic.addMonth(grownDir);
  else {
    // The real corpus grows by a copy of its newest month, moved to the next month.
    const newest = readFileSync(join(grownDir, 'digests/2026-01.txt'), 'utf8');
    writeFileSync(
      join(grownDir, 'digests/2026-02.txt'),
      newest.replaceAll('2026/01/', '2026/02/').replaceAll('1月', '2月'),
    );
    appendFileSync(
      join(grownDir, 'sources.yml'),
      '  - id: digest-2026-02\n    path: digests/2026-02.txt\n    title: AI政策動向マンスリー情報 2026年2月\n    kind: digest\n    layout: digest-numbered\n',
    );
  }
  t = process.hrtime.bigint();
  const added = await buildIndexInParallel(grownDir, { cacheDir });
  const addMonthMs = ms(t);
  console.log(
    JSON.stringify({
      corpus,
      items: full.stats.items,
      dataDir,
      indexDir,
      kuromojiMs,
      buildMs,
      byWorkers: full.stats.byWorkers,
      serialBuildMs,
      unchangedMs,
      addMonthMs,
      addMonthAnalyzed: added.stats.analyzed,
      saveMs,
      peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
    }),
  );
}

async function serve(indexDir: string): Promise<void> {
  let t = process.hrtime.bigint();
  await loadTokenizer();
  const kuromojiMs = ms(t);
  const rssKuromojiMB = mb(process.memoryUsage().rss);
  t = process.hrtime.bigint();
  const index = loadIndex(indexDir);
  const loadMs = ms(t);
  // What the app does next, before it serves: the per-index tables the first question would build.
  t = process.hrtime.bigint();
  warmUp(index);
  const warmMs = ms(t);

  const latencies: number[] = [];
  // The same queries in CPU time (this process, all threads): on a shared, loaded machine wall
  // time mostly measures waiting for a core; CPU time is what the query itself costs.
  const cpu: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const c of QUALITY_CASES) {
      const q = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      ask(index, c.q, { today: TODAY, limit: 10 });
      const used = process.cpuUsage(c0);
      latencies.push(ms(q));
      cpu.push((used.user + used.system) / 1e3);
    }
  }
  // What serving costs, before the floor below runs: plain MiniSearch decodes the postings it
  // touches into Maps the app never makes (its scorer reads postings.bin as it is).
  global.gc?.();
  const mem = process.memoryUsage();
  // The floor: plain MiniSearch, the same terms, one OR query, no filters or ranking of ours.
  for (let round = 0; round < 5; round++) {
    for (const c of QUALITY_CASES) {
      const terms = understand(c.q, TODAY).groups.flatMap((g) => g.alternatives.flat());
      if (!terms.length) continue;
      const f = process.hrtime.bigint();
      index.mini.search({ combineWith: 'OR', queries: terms } as Query);
      floor.push(ms(f));
    }
  }
  console.log(
    JSON.stringify({
      items: index.items.length,
      kuromojiMs,
      loadMs,
      warmMs,
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
      cpuP50: pct(cpu, 50),
      cpuP99: pct(cpu, 99),
      floorP50: pct(floor, 50),
      floorP99: pct(floor, 99),
      queries: latencies.length,
      rssKuromojiMB,
      rssMB: mb(mem.rss),
      heapMB: mb(mem.heapUsed),
    }),
  );
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'build') await build(arg === 'synthetic' ? 'synthetic' : 'real');
else if (mode === 'serve' && arg) await serve(arg);
else throw new Error('usage: speed-worker build real|synthetic | speed-worker serve INDEX_DIR');
