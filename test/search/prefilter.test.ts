import type { Query } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { buildIndex, type SearchIndex } from '../../src/search/index-store.js';
import { onlyItems } from '../../src/search/prefilter.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { DATA_DIR } from '../helpers.js';

let index: SearchIndex;

beforeAll(async () => {
  await loadTokenizer();
  index = buildIndex(DATA_DIR).index;
});

describe('onlyItems (filter before scoring)', () => {
  it('gives exactly the results and scores of MiniSearch filter, and drops what fails', () => {
    const filters: ((it: StoredItem) => boolean)[] = [
      (it) => it.countries.includes('US'),
      (it) => it.region === 'asia',
      (it) => (it.date?.start ?? '') >= '2026-01-01',
      () => true,
      () => false,
    ];
    const queries: Query[] = [
      'ai',
      'セキュリティ',
      { combineWith: 'AND', queries: ['ai', 'セキュリティ'] },
      { combineWith: 'OR', queries: ['nist', 'エージェント', 'sb53'] },
    ];
    let nonEmpty = 0;
    for (const passes of filters) {
      for (const q of queries) {
        for (const fuzzy of [false, 0.2]) {
          const viaFilter = index.mini
            .search(q, { fuzzy, filter: (r) => passes(index.byId.get(String(r.id)) as StoredItem) })
            .map((r) => [r.id, r.score]);
          const gated = index.mini
            .search(q, { fuzzy, boostDocument: onlyItems(index, passes) })
            .map((r) => [r.id, r.score]);
          expect(gated).toEqual(viaFilter);
          if (gated.length) nonEmpty++;
          for (const [id] of gated) expect(passes(index.byId.get(String(id)) as StoredItem)).toBe(true);
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(20);
  });
});
