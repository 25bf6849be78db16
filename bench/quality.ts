import MiniSearch from 'minisearch';
import { ask } from '../src/query/ask.js';
import type { SearchIndex } from '../src/search/index-store.js';
import { HELDOUT_CASES } from './heldout.js';
import { QUALITY_CASES, type QualityCase, TODAY } from './questions.js';

export interface QualityReport {
  name: string;
  passed: number;
  total: number;
  misses: string[];
}

const TOP = 5;

function judge(c: QualityCase, urls: string[][]): string | undefined {
  if (c.empty) return urls.length === 0 ? undefined : `expected no results, got ${urls.length}`;
  const top = new Set(urls.slice(0, TOP).flat());
  const missing = (c.expect ?? []).filter((u) => !top.has(u));
  return missing.length ? `missing in top ${TOP}: ${missing.join(' ')}` : undefined;
}

/** policy-bot's answers against the expected URLs. */
export function scorePolicyBot(
  index: SearchIndex,
  cases: QualityCase[] = QUALITY_CASES,
  name = 'policy-bot',
): QualityReport {
  const misses: string[] = [];
  let passed = 0;
  for (const c of cases) {
    const r = ask(index, c.q, { today: TODAY, limit: 50 });
    const miss = judge(
      c,
      r.results.map((x) => x.urls),
    );
    if (miss) misses.push(`${c.q} — ${miss}`);
    else passed += 1;
  }
  return { name, passed, total: cases.length, misses };
}

/** The same set on a plain MiniSearch (default tokenizer, title boost, no understanding). */
export function scoreBaseline(
  index: SearchIndex,
  cases: QualityCase[] = QUALITY_CASES,
  name = 'plain MiniSearch',
): QualityReport {
  const mini = new MiniSearch({
    fields: ['title', 'body'],
    storeFields: ['urls'],
    searchOptions: { boost: { title: 3 } },
  });
  mini.addAll(index.items.map((i) => ({ id: i.id, title: i.title, body: i.body, urls: i.urls })));
  const misses: string[] = [];
  let passed = 0;
  for (const c of cases) {
    const r = mini.search(c.q);
    const miss = judge(
      c,
      r.map((x) => x.urls as string[]),
    );
    if (miss) misses.push(`${c.q} — ${miss}`);
    else passed += 1;
  }
  return { name, passed, total: cases.length, misses };
}

export { HELDOUT_CASES };
