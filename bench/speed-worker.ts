import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { ask } from '../src/query/ask.js';
import { addDays } from '../src/query/dates.js';
import { buildIndex, loadIndex, type SearchIndex, saveIndex } from '../src/search/index-store.js';
import { SEARCH_OPTIONS } from '../src/search/options.js';
import type { StoredItem } from '../src/search/stored-item.js';
import { defaultDataDir } from '../src/util/paths.js';
import { QUALITY_CASES, TODAY } from './questions.js';

/** One corpus measured in a fresh process, so RSS is this corpus's alone. Prints one JSON line. */
const corpus = process.argv[2] === 'synthetic' ? 'synthetic' : 'real';
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

let t = process.hrtime.bigint();
await loadTokenizer();
const kuromojiMs = ms(t);
const rssAfterKuromoji = process.memoryUsage().rss;

t = process.hrtime.bigint();
let index: SearchIndex = buildIndex(defaultDataDir()).index;
let buildMs = ms(t);
if (corpus === 'synthetic') {
  // 10 000 items: the real ones resampled, each round shifted back 35 days so periods spread out.
  const real = index.items;
  const items: StoredItem[] = [];
  for (let i = 0; i < 10_000; i++) {
    const base = real[i % real.length] as StoredItem;
    const shift = -35 * Math.floor(i / real.length);
    items.push({
      ...base,
      id: `${base.id}~${i}`,
      ...(base.date
        ? { date: { start: addDays(base.date.start, shift), end: addDays(base.date.end, shift) } }
        : {}),
    });
  }
  t = process.hrtime.bigint();
  const mini = new MiniSearch<StoredItem>(SEARCH_OPTIONS);
  mini.addAll(items);
  buildMs = ms(t);
  index = {
    mini,
    items,
    byId: new Map(items.map((i) => [i.id, i])),
    manifest: { ...index.manifest, items: items.length },
  };
}
const dir = mkdtempSync(join(tmpdir(), 'policy-bot-bench-'));
saveIndex(index, dir);
t = process.hrtime.bigint();
const loaded = loadIndex(dir);
const loadMs = ms(t);

const latencies: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const c of QUALITY_CASES) {
    const q = process.hrtime.bigint();
    ask(loaded, c.q, { today: TODAY, limit: 10 });
    latencies.push(ms(q));
  }
}
const mem = process.memoryUsage();
console.log(
  JSON.stringify({
    corpus,
    items: loaded.items.length,
    kuromojiMs,
    buildMs,
    loadMs,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    queries: latencies.length,
    rssKuromojiMB: rssAfterKuromoji / 2 ** 20,
    rssMB: mem.rss / 2 ** 20,
    heapMB: mem.heapUsed / 2 ** 20,
  }),
);
