import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { applyAdd, planAdd } from '../src/ingest/add.js';
import { rebuildIndex } from '../src/search/index-store.js';
import { projectRoot } from '../src/util/paths.js';

export interface AddMonthTiming {
  /** Reading, detecting the layout, parsing and checking the whole corpus with the month staged. */
  planMs: number;
  /** Writing data/ and bringing index/ up to date. */
  writeAndIndexMs: number;
  totalMs: number;
  itemsAdded: number;
  itemsAfter: number;
}

/** The fixture month, moved to a month no corpus will have (2099-03), so the add is never refused. */
function monthToAdd(file: string): Buffer {
  const text = readFileSync(file, 'utf8')
    .replaceAll('2026/03/', '2099/03/')
    .replaceAll('2026年3月', '2099年3月');
  return Buffer.from(text);
}

/**
 * Times `policy-bot add` of one month on a copy of `dataDir` + `indexDir` (nothing of the
 * originals is touched). The speed bench calls it with its synthetic 10 000-item corpus too.
 */
export async function measureAddMonth({
  dataDir,
  indexDir,
  file = join(projectRoot(), 'test/fixtures/add/digest-2026-03.txt'),
}: {
  dataDir: string;
  indexDir: string;
  file?: string;
}): Promise<AddMonthTiming> {
  await loadTokenizer();
  const root = mkdtempSync(join(tmpdir(), 'policy-bot-bench-add-'));
  const data = join(root, 'data');
  const index = join(root, 'index');
  cpSync(dataDir, data, { recursive: true });
  cpSync(indexDir, index, { recursive: true });
  try {
    const t0 = performance.now();
    const plan = await planAdd({ dataDir: data, file: 'month.txt', bytes: monthToAdd(file) });
    const t1 = performance.now();
    let itemsAfter = 0;
    await applyAdd(data, plan, async () => {
      itemsAfter = rebuildIndex({ dataDir: data, indexDir: index }).items.length;
    });
    const t2 = performance.now();
    return {
      planMs: t1 - t0,
      writeAndIndexMs: t2 - t1,
      totalMs: t2 - t0,
      itemsAdded: plan.items.length,
      itemsAfter,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * What a live reload costs the running app: the longest event-loop stall (the most an ack can be
 * delayed) while the holder rebuilds a changed copy of the corpus in a child process and swaps.
 */
export async function measureReloadStall({ dataDir, indexDir }: { dataDir: string; indexDir: string }) {
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const { IndexHolder } = await import('../src/search/holder.js');
  const { loadIndex } = await import('../src/search/index-store.js');
  const { rebuildInChildProcess } = await import('../src/search/rebuild-process.js');
  const { warmUpGently } = await import('../src/query/ask.js');
  await loadTokenizer();
  const root = mkdtempSync(join(tmpdir(), 'policy-bot-bench-reload-'));
  const data = join(root, 'data');
  const index = join(root, 'index');
  cpSync(dataDir, data, { recursive: true });
  cpSync(indexDir, index, { recursive: true });
  try {
    const plan = await planAdd({
      dataDir: data,
      file: 'month.txt',
      bytes: monthToAdd(join(projectRoot(), 'test/fixtures/add/digest-2026-03.txt')),
    });
    await applyAdd(data, plan, async () => {});
    const holder = new IndexHolder(loadIndex(index), {
      // As the app reloads: rebuilt in a child process, then warmed in turns before the swap.
      load: async () => warmUpGently(await rebuildInChildProcess({ dataDir: data, indexDir: index })),
    });
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    const t0 = performance.now();
    const outcome = await holder.reload('bench');
    const totalMs = performance.now() - t0;
    h.disable();
    return {
      totalMs,
      maxStallMs: h.max / 1e6,
      swapped: outcome.swapped,
      items: holder.current().items.length,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
