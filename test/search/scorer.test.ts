import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch, { type Query } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { buildIndex, loadIndex, type SearchIndex, saveIndex } from '../../src/search/index-store.js';
import { SEARCH_OPTIONS } from '../../src/search/options.js';
import { anyMatch, type Fuzzy, gateOf, modelled, scoreAnd, scoreOr } from '../../src/search/scorer.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { DATA_DIR } from '../helpers.js';

let index: SearchIndex;
let vocabulary: string[];

beforeAll(async () => {
  await loadTokenizer();
  index = buildIndex(DATA_DIR).index;
  vocabulary = [...(index.mini as unknown as { _index: Map<string, unknown> })._index.keys()];
});

/** The query layer's fuzziness: long Latin words only. */
const fuzzy: Fuzzy = (term) => (/^[a-z]{6,}$/.test(term) ? 0.2 : false);

/** MiniSearch's own answer: id → score, filtered after scoring. */
function reference(
  idx: SearchIndex,
  q: Query,
  f: Fuzzy,
  passes: (it: StoredItem) => boolean = () => true,
  divide = 1,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of idx.mini.search(q, { fuzzy: f as never })) {
    const item = idx.byId.get(String(r.id)) as StoredItem;
    if (passes(item)) out.set(String(r.id), r.score / divide);
  }
  return out;
}

function gate(idx: SearchIndex, passes: (it: StoredItem) => boolean) {
  return gateOf(
    idx,
    Uint8Array.from(idx.items, (it) => (passes(it) ? 1 : 0)),
  );
}

function fastAnd(idx: SearchIndex, terms: string[], f: Fuzzy, passes?: (it: StoredItem) => boolean) {
  const out = new Map<string, number>();
  const n = scoreAnd(idx, terms, f, passes ? gate(idx, passes) : undefined, (pos, s) =>
    out.set((idx.items[pos] as StoredItem).id, s),
  );
  expect(n).toBe(out.size);
  return out;
}

function fastOr(idx: SearchIndex, terms: string[], f: Fuzzy, passes?: (it: StoredItem) => boolean) {
  const out = new Map<string, number>();
  scoreOr(idx, terms, f, passes ? gate(idx, passes) : undefined, (pos, s) =>
    out.set((idx.items[pos] as StoredItem).id, s),
  );
  return out;
}

/** Same ids and bit-for-bit the same scores. */
function same(a: Map<string, number>, b: Map<string, number>, what: string): void {
  if (a.size !== b.size) throw new Error(`${what}: ${a.size} results, MiniSearch ${b.size}`);
  for (const [id, s] of b) {
    const mine = a.get(id);
    if (!Object.is(mine, s)) throw new Error(`${what}: ${id} scored ${mine}, MiniSearch ${s}`);
  }
}

describe('scorer (MiniSearch scores without its result objects)', () => {
  it('scores every term of the vocabulary exactly as MiniSearch does, fuzzy or not', () => {
    expect(modelled(index)).toBe(true);
    let fuzzyTerms = 0;
    for (const term of vocabulary) {
      same(fastAnd(index, [term], fuzzy), reference(index, term, fuzzy), term);
      if (/^[a-z]{6,}$/.test(term)) fuzzyTerms++;
      expect(anyMatch(index, [term], fuzzy)).toBe(true);
    }
    expect(vocabulary.length).toBeGreaterThan(3000);
    expect(fuzzyTerms).toBeGreaterThan(100);
  });

  it('scores katakana typos with one edit, and terms no item uses, as MiniSearch does', () => {
    const katakana = vocabulary.filter((t) => /^[\u30a1-\u30faー]{5,}$/.test(t)).slice(0, 200);
    expect(katakana.length).toBeGreaterThan(50);
    for (const t of katakana) {
      const typo = `${t.slice(0, 2)}ッ${t.slice(3)}`;
      same(fastAnd(index, [typo], 1), reference(index, typo, 1), typo);
      expect(anyMatch(index, [typo], 1)).toBe(reference(index, typo, 1).size > 0);
    }
    for (const t of ['horse', 'racingxyz', 'ｱｲ', 'governance-x'])
      same(fastAnd(index, [t], fuzzy), reference(index, t, fuzzy), t);
  });

  it('combines terms with AND and OR exactly as MiniSearch does, duplicates included', () => {
    const common = ['ai', 'セキュリティ', 'ガイドライン', 'データ', '品質', 'nist', 'security', 'governance'];
    const pick = (i: number) => vocabulary[(i * 7919) % vocabulary.length] as string;
    const sets: string[][] = [
      ['ai', 'セキュリティ'],
      ['データ', '品質', 'マネジメント'],
      ['ai', 'ai'],
      ['security', 'guidelines', 'public', 'comment'],
      ...common.map((c, i) => [c, pick(i)]),
      ...Array.from({ length: 150 }, (_, i) => [pick(i), pick(i + 1)]),
      ...Array.from({ length: 60 }, (_, i) => [
        common[i % common.length] as string,
        pick(3 * i + 2),
        pick(i),
      ]),
    ];
    for (const terms of sets) {
      const and: Query = terms.length === 1 ? (terms[0] as string) : { combineWith: 'AND', queries: terms };
      same(
        fastAnd(index, terms, fuzzy),
        reference(index, and, fuzzy, undefined, terms.length),
        terms.join('&'),
      );
      expect(anyMatch(index, terms, fuzzy)).toBe(reference(index, and, fuzzy).size > 0);
      same(
        fastOr(index, terms, fuzzy),
        reference(index, { combineWith: 'OR', queries: terms }, fuzzy),
        terms.join('|'),
      );
    }
  });

  it('leaves out what a gate rules out, and the others keep their scores', () => {
    const filters: ((it: StoredItem) => boolean)[] = [
      (it) => it.countries.includes('US'),
      (it) => it.region === 'asia',
      (it) => (it.date?.start ?? '') >= '2026-01-01',
      () => false,
    ];
    let nonEmpty = 0;
    for (const passes of filters)
      for (const terms of [
        ['ai'],
        ['セキュリティ'],
        ['ai', 'セキュリティ'],
        ['security'],
        ['nist', 'エージェント'],
      ]) {
        const and: Query = terms.length === 1 ? (terms[0] as string) : { combineWith: 'AND', queries: terms };
        const mine = fastAnd(index, terms, fuzzy, passes);
        same(mine, reference(index, and, fuzzy, passes, terms.length), terms.join('&'));
        same(
          fastOr(index, terms, fuzzy, passes),
          reference(index, { combineWith: 'OR', queries: terms }, fuzzy, passes),
          terms.join('|'),
        );
        if (mine.size) nonEmpty++;
      }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('scores a loaded compact index from its undecoded postings, exactly as MiniSearch does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-bot-scorer-'));
    saveIndex(index, dir);
    // Two copies: MiniSearch decodes every term it touches; the scorer must read them undecoded.
    const fast = loadIndex(dir);
    const slow = loadIndex(dir);
    expect(modelled(fast)).toBe(true);
    const tree = (fast.mini as unknown as { _index: Map<string, Map<number, { raw(): unknown }>> })._index;
    const sets = [
      ...vocabulary.map((t) => [t]),
      ['ai', 'セキュリティ'],
      ['データ', '品質', 'マネジメント'],
      ['security', 'guidelines'],
    ];
    for (const terms of sets) {
      const and: Query = terms.length === 1 ? (terms[0] as string) : { combineWith: 'AND', queries: terms };
      same(
        fastAnd(fast, terms, fuzzy),
        reference(slow, and, fuzzy, undefined, terms.length),
        terms.join('&'),
      );
    }
    const us = (it: StoredItem) => it.countries.includes('US');
    same(fastAnd(fast, ['ai'], fuzzy, us), reference(slow, 'ai', fuzzy, us), 'ai in the US');
    same(
      fastOr(fast, ['nist', 'エージェント', 'sb53'], fuzzy),
      reference(slow, { combineWith: 'OR', queries: ['nist', 'エージェント', 'sb53'] }, fuzzy),
      'nist|エージェント|sb53',
    );
    // Nothing was decoded on the way.
    for (const fields of [tree.get('ai'), tree.get('セキュリティ')])
      for (const postings of fields?.values() ?? []) expect(postings.raw()).toBeDefined();
  });

  it('falls back to MiniSearch itself on an index with discarded documents', () => {
    const items = index.items.slice(0, 40);
    const mini = new MiniSearch<StoredItem>(SEARCH_OPTIONS);
    mini.addAll(items);
    const small: SearchIndex = { ...index, mini, items, byId: new Map(items.map((it) => [it.id, it])) };
    expect(modelled(small)).toBe(true);
    const before = fastAnd(small, ['ai'], fuzzy);
    same(before, reference(small, 'ai', fuzzy), 'ai, fresh');
    mini.discard((items[0] as StoredItem).id);
    const rest = items.slice(1);
    const after: SearchIndex = { ...small, items: rest, byId: new Map(rest.map((it) => [it.id, it])) };
    expect(modelled(after)).toBe(false);
    same(fastAnd(after, ['ai'], fuzzy), reference(after, 'ai', fuzzy), 'ai, after a discard');
  });

  it('models an index whose English fields no item has (a corpus without data/english/)', () => {
    const items = index.items.slice(0, 40).map(({ en: _en, ...rest }) => rest as StoredItem);
    const mini = new MiniSearch<StoredItem>(SEARCH_OPTIONS);
    mini.addAll(items);
    const bare: SearchIndex = { ...index, mini, items, byId: new Map(items.map((it) => [it.id, it])) };
    expect(modelled(bare)).toBe(true);
    same(fastAnd(bare, ['ai'], fuzzy), reference(bare, 'ai', fuzzy), 'ai, no English');
  });
});
