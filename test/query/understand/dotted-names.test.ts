import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../../src/analyze/kuromoji.js';
import type { TermGroup } from '../../../src/query/understand/context.js';
import { mergeDottedNames } from '../../../src/query/understand/dotted-names.js';
import { itemText, useRealCorpus } from '../../support/real-corpus.js';

const group = (label: string, alternatives: string[][]): TermGroup => ({
  label,
  alternatives,
  boost: [],
  weak: false,
  untranslated: false,
});

describe('mergeDottedNames', () => {
  beforeAll(loadTokenizer);
  it('makes the words of a dotted katakana name one concept that needs all of them', () => {
    const groups = [
      group('ジェネシス', [['ジェネシス']]),
      group('ミッション', [['ミッション']]),
      group('人材', [['人材']]),
    ];
    const out = mergeDottedNames(groups, 'ジェネシス・ミッションの人材', (w) =>
      w === 'ミッション' ? [['mission']] : [],
    );
    expect(out.map((g) => g.label)).toEqual(['ジェネシス・ミッション', '人材']);
    const name = out[0] as TermGroup;
    // every alternative holds a form of each word (here: either spelling of the second)
    expect(name.alternatives).toContainEqual(['ジェネシス', 'ミッション']);
    expect(name.alternatives).toContainEqual(['ジェネシス', 'mission']);
    for (const a of name.alternatives.filter((x) => x.length > 1)) expect(a).toContain('ジェネシス');
  });

  it('leaves the words apart when one of them was read as something else (a place)', () => {
    const place = { ...group('ヨーロッパ', [['欧州']]), place: 'area' as const };
    const groups = [group('ホライズン', [['ホライズン']]), place];
    expect(mergeDottedNames(groups, 'ホライズン・ヨーロッパ', () => [])).toEqual(groups);
  });

  it('leaves a long dotted chain apart: a list of things, not one name', () => {
    const words = ['アメリカ', 'イギリス', 'フランス', 'ドイツ', 'イタリア', 'カナダ'];
    const groups = words.map((w) => group(w, [[w]]));
    expect(mergeDottedNames(groups, words.join('・'), () => [])).toEqual(groups);
  });

  it('leaves words joined without a dot, and a dot between kanji, alone', () => {
    const groups = [group('レッド', [['レッド']]), group('チーム', [['チーム']])];
    expect(mergeDottedNames(groups, 'レッド チーム', () => [])).toEqual(groups);
    const kanji = [group('医療', [['医療']]), group('金融', [['金融']])];
    expect(mergeDottedNames(kanji, '医療・金融', () => [])).toEqual(kanji);
  });
});

describe('a dotted katakana name in a question (real corpus)', () => {
  const corpus = useRealCorpus();
  // katakana words of the corpus; the test pairs those no item prints together
  const words = [
    'フロンティア',
    'フォーラム',
    'モデル',
    'ミッション',
    'チャレンジ',
    'サミット',
    'ネットワーク',
    'プログラム',
  ];

  it('whose words the corpus never prints together is missing, and the answer is empty', () => {
    const held = words.filter((w) => corpus.corpusHas(w));
    const pairs = held.flatMap((a) => held.filter((b) => b !== a).map((b) => [a, b] as const));
    const apart = pairs.filter(
      ([a, b]) => !corpus.index().items.some((it) => itemText(it).includes(a) && itemText(it).includes(b)),
    );
    expect(apart.length).toBeGreaterThan(0);
    for (const [a, b] of apart.slice(0, 4)) {
      const r = corpus.ask(`${a}・${b}の安全性に関する取り組み`);
      expect(r.interpretation.missing).toContain(`${a}・${b}`);
      expect(r.results).toEqual([]);
    }
  });

  it('whose words one item prints together is answered only by items with every word', () => {
    const held = words.filter((w) => corpus.corpusHas(w));
    const pairs = held.flatMap((a) => held.filter((b) => b !== a).map((b) => [a, b] as const));
    const together = pairs.filter(([a, b]) =>
      corpus.index().items.some((it) => itemText(it).includes(a) && itemText(it).includes(b)),
    );
    expect(together.length).toBeGreaterThan(0);
    const [a, b] = together[0] as readonly [string, string];
    const r = corpus.ask(`${a}・${b}`);
    expect(r.results.length).toBeGreaterThan(0);
    for (const item of corpus.itemsOf(r.results)) {
      expect(itemText(item)).toContain(a);
      expect(itemText(item)).toContain(b);
    }
  });
});
