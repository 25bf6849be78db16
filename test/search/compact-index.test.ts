import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { compactFromTerms } from '../../src/search/compact-build.js';
import {
  decodeMiniSearch,
  encodeMiniSearch,
  RadixInserter,
  type RadixNode,
} from '../../src/search/compact-index.js';
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

  it('is the index it was saved from: same documents, postings, and radix tree node by node', () => {
    const loaded = roundTrip();
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(plain));
    const tree = (m: MiniSearch<StoredItem>) =>
      (m as unknown as { _index: { _tree: RadixNode } })._index._tree;
    const keys = (node: RadixNode): unknown =>
      [...node].map(([k, v]) => [k, k === '' ? null : keys(v as RadixNode)]);
    expect(keys(tree(loaded))).toEqual(keys(tree(plain)));
  });

  it('without the tree shape (a header written before it), is the index MiniSearch.loadJSON gives', () => {
    const { header, postings } = encodeMiniSearch(plain);
    const { shape: _shape, ...older } = header;
    const loaded = decodeMiniSearch<StoredItem>(JSON.parse(JSON.stringify(older)), postings, SEARCH_OPTIONS);
    const viaJson = MiniSearch.loadJSON<StoredItem>(JSON.stringify(plain), SEARCH_OPTIONS);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(viaJson));
  });

  it('refuses a tree shape that does not describe the vocabulary', () => {
    const { header, postings } = encodeMiniSearch(plain);
    const cut = { ...header, shape: (header.shape ?? []).slice(0, -3) };
    expect(() => decodeMiniSearch<StoredItem>(cut, postings, SEARCH_OPTIONS)).toThrow(/tree shape/);
    const garbled = { ...header, shape: ['x', ...(header.shape ?? []).slice(1)] };
    expect(() => decodeMiniSearch<StoredItem>(garbled, postings, SEARCH_OPTIONS)).toThrow(/tree shape/);
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

  it('takes new documents and removals like the MiniSearch it was saved from', () => {
    const loaded = roundTrip();
    const fromJson = (m: typeof loaded) => JSON.parse(JSON.stringify(m));
    const viaJson = new MiniSearch<StoredItem>(SEARCH_OPTIONS);
    viaJson.addAll(built.items);
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
