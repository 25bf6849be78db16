import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../../src/analyze/kuromoji.js';
import { ask } from '../../../src/query/ask.js';
import { buildIndex, type SearchIndex } from '../../../src/search/index-store.js';
import { DATA_DIR } from '../../helpers.js';

let index: SearchIndex;
beforeAll(async () => {
  await loadTokenizer();
  index = buildIndex(DATA_DIR).index;
});
const TODAY = '2026-11-23';
const text = (it: SearchIndex['items'][number]) =>
  `${it.title}\n${it.body}\n${it.en?.title ?? ''}\n${it.en?.summary ?? ''}`.normalize('NFKC').toLowerCase();

describe('a compound the corpus does not write', () => {
  it('is found through the glossary synonyms of a part it does use (性的画像 → 親密画像)', () => {
    const holds = (it: SearchIndex['items'][number], w: string) => text(it).includes(w);
    const r = ask(index, '性的画像', { today: TODAY, limit: 50 });
    expect(r.results.length).toBeGreaterThan(0);
    for (const hit of r.results) {
      const item = index.items.find((it) => it.id === hit.id) as SearchIndex['items'][number];
      expect(holds(item, '画像')).toBe(true);
      expect(holds(item, '性的') || holds(item, '親密画像')).toBe(true);
    }
  });
});
