import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { compactFromTerms } from '../../src/search/compact-build.js';
import { decodeMiniSearch, encodeMiniSearch, RadixInserter } from '../../src/search/compact-index.js';
import { buildIndex, type SearchIndex } from '../../src/search/index-store.js';
import { analyzeFieldTexts, fieldTexts, miniSearchFromTerms } from '../../src/search/item-terms.js';
import { SEARCH_OPTIONS } from '../../src/search/options.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { DATA_DIR } from '../helpers.js';

let built: SearchIndex;
/** The reference: a plain MiniSearch filled by addAll with the shared options. */
let plain: MiniSearch<StoredItem>;

beforeAll(async () => {
  await loadTokenizer();
  built = buildIndex(DATA_DIR).index;
  plain = new MiniSearch<StoredItem>(SEARCH_OPTIONS);
  plain.addAll(built.items);
});

const roundTrip = () => {
  const { header, postings } = encodeMiniSearch(plain);
  // Through JSON and a fresh buffer, as from disk.
  return decodeMiniSearch<StoredItem>(
    JSON.parse(JSON.stringify(header)),
    Buffer.from(new Uint8Array(postings)),
    SEARCH_OPTIONS,
  );
};

describe('compact index (terms.json + postings.bin)', () => {
  it('is written straight from terms exactly as MiniSearch addAll + toJSON would write it', () => {
    const terms = built.items.map((item) => analyzeFieldTexts(fieldTexts(item)));
    const direct = compactFromTerms(built.items, terms);
    const viaAddAll = encodeMiniSearch(miniSearchFromTerms(built.items, terms));
    expect(JSON.stringify(direct.header)).toBe(JSON.stringify(viaAddAll.header));
    expect(direct.postings.equals(viaAddAll.postings)).toBe(true);
    // And a plain MiniSearch with the shared options agrees with the terms path.
    expect(JSON.stringify(encodeMiniSearch(plain).header)).toBe(JSON.stringify(direct.header));
  });

  it('is the index MiniSearch.loadJSON gives: same documents, vocabulary order and postings', () => {
    const viaJson = MiniSearch.loadJSON<StoredItem>(JSON.stringify(plain), SEARCH_OPTIONS);
    expect(JSON.stringify(roundTrip())).toBe(JSON.stringify(viaJson));
  });

  it('answers exact, prefix, fuzzy and combined queries like a plain MiniSearch, scores included', () => {
    const loaded = roundTrip();
    const queries: Parameters<typeof loaded.search>[0][] = [
      'sb53',
      'ai',
      '韓国',
      '基本法',
      { combineWith: 'AND', queries: ['ai', 'セキュリティ'] },
      { combineWith: 'OR', queries: ['nist', 'caisi', 'エージェント'] },
    ];
    for (const q of queries) {
      for (const opts of [{}, { prefix: true }, { fuzzy: 0.2 }]) {
        const want = plain.search(q, opts).map((r) => [r.id, r.score.toFixed(9)]);
        expect(want.length, JSON.stringify(q)).toBeGreaterThan(0);
        expect(loaded.search(q, opts).map((r) => [r.id, r.score.toFixed(9)])).toEqual(want);
        expect(built.mini.search(q, opts).map((r) => [r.id, r.score.toFixed(9)])).toEqual(want);
      }
    }
  });

  it('takes new documents and removals like a MiniSearch loaded from JSON', () => {
    const loaded = roundTrip();
    const fromJson = (m: typeof loaded) => JSON.parse(JSON.stringify(m));
    const viaJson = MiniSearch.loadJSON<StoredItem>(JSON.stringify(plain), SEARCH_OPTIONS);
    const first = built.items[0] as StoredItem;
    const extra = { ...first, id: `${first.id}-copy` };
    for (const m of [loaded, viaJson]) {
      m.add(extra);
      m.discard(first.id);
    }
    expect(fromJson(loaded)).toEqual(fromJson(viaJson));
  });
});

describe('RadixInserter', () => {
  /** A radix node as nested arrays, keys in their Map order: equal shapes, equal trees. */
  const shape = (node: Map<string, unknown>): unknown =>
    [...node].map(([k, v]) => [k, v instanceof Map ? shape(v as Map<string, unknown>) : v]);

  it("builds the very tree SearchableMap's own set builds: same nodes, same key order everywhere", () => {
    const vocabulary = encodeMiniSearch(plain).header.terms;
    // The corpus's vocabulary in its order, then reversed, then keys that split and extend nodes.
    const orders = [
      vocabulary,
      [...vocabulary].reverse(),
      ['abc', 'ab', 'abd', 'a', 'b', 'abcde', 'abx', 'ぶ', 'ぶん', 'ぶんか', 'ぶa', 'abc'],
    ];
    for (const keys of orders) {
      const reference = new SearchableMap<number>();
      keys.forEach((k, i) => {
        reference.set(k, i);
      });
      const root = new Map<string, unknown>();
      const inserter = new RadixInserter(root);
      keys.forEach((k, i) => {
        inserter.set(k, i);
      });
      const tree = (reference as unknown as { _tree: Map<string, unknown> })._tree;
      expect(shape(root)).toEqual(shape(tree));
    }
    expect(vocabulary.length).toBeGreaterThan(1000);
  });
});
