import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../../src/analyze/kuromoji.js';
import type { TermGroup } from '../../../src/query/understand/context.js';
import { mergeDottedNames } from '../../../src/query/understand/dotted-names.js';
import { itemText, useRealCorpus } from '../../support/real-corpus.js';

const group = (
  label: string,
  alternatives: string[][],
  source: TermGroup['source'] = 'typed',
): TermGroup => ({
  label,
  alternatives,
  boost: [],
  weak: false,
  untranslated: false,
  source,
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

  it('merges glossary words only when the last names a kind of body or event (…・フォーラム)', () => {
    const glossed = (w: string) => group(w, [[w]], 'glossary');
    const list = [glossed('サイバーセキュリティ'), glossed('プライバシー')];
    expect(mergeDottedNames(list, 'サイバーセキュリティ・プライバシー', () => [])).toEqual(list);
    const name = [glossed('フロンティア'), glossed('モデル'), glossed('フォーラム')];
    expect(mergeDottedNames(name, 'フロンティア・モデル・フォーラム', () => []).map((g) => g.label)).toEqual([
      'フロンティア・モデル・フォーラム',
    ]);
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
  // whatever the corpus holds: a merged name is answered only by items with every word (by one
  // of its readings), or is said missing with an empty answer
  const names = [
    'フロンティア・モデル・フォーラム',
    'ジェネシス・ミッション',
    'グーグル・ディープマインド',
    'アライメント・プロジェクト',
  ];

  it('is one concept every answer matches whole, or missing with an empty answer', () => {
    let merged = 0;
    for (const name of names) {
      const r = corpus.ask(`${name}の安全性に関する取り組み`);
      const g = r.interp.groups.find((x) => x.label === name);
      if (!g?.name) continue;
      merged += 1;
      const holds = (text: string) =>
        g.alternatives.some((alt) => alt.every((t) => text.includes(t.toLowerCase())));
      if (!corpus.index().items.some((it) => holds(itemText(it)))) {
        expect(r.interpretation.missing).toContain(name);
        expect(r.results).toEqual([]);
      } else
        for (const item of corpus.itemsOf(r.results)) expect(holds(itemText(item)), item.title).toBe(true);
    }
    expect(merged).toBeGreaterThan(2);
  });

  it("a dotted list of the glossary's subjects is a list: answered as with と", () => {
    const dotted = corpus.ask('サイバーセキュリティ・プライバシーの規制');
    const listed = corpus.ask('サイバーセキュリティとプライバシーの規制');
    expect(dotted.interp.groups.some((g) => g.name)).toBe(false);
    expect(dotted.results.map((x) => x.id)).toEqual(listed.results.map((x) => x.id));
  });
});
