import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { lexiconGaps } from '../../src/analyze/lexicon-gaps.js';

beforeAll(async () => {
  await loadTokenizer();
});

/** A fixture cut from real digest titles, with a hand-made lexicon. */
const items = [
  { title: '韓国、AI基本法を施行', body: '韓国のAI基本法が施行された。' },
  { title: 'OMB、WokeAI防止関連のガイダンスを公開', body: '連邦機関の調達に関するガイダンス。' },
  { title: '総務省、意見募集を開始', body: '調達の透明性に関する意見募集。' },
];

describe('the lexicon gap report', () => {
  it('lists terms in a title or in two items that no entry translates, most used first', () => {
    const gaps = lexiconGaps({
      items,
      covered: ['韓国', '基本法', '施行', 'ガイダンス', '総務省', '意見募集', '公開'],
    });
    const terms = gaps.map((g) => g.term);
    expect(terms).toContain('調達'); // two bodies, no entry
    expect(terms).toContain('防止'); // in a title
    expect(terms).not.toContain('基本法');
    expect(terms).not.toContain('ガイダンス');
    const procurement = gaps.find((g) => g.term === '調達');
    expect(procurement).toMatchObject({ items: 2, inTitle: false });
    expect(gaps.map((g) => g.items)).toEqual([...gaps.map((g) => g.items)].sort((a, b) => b - a));
  });

  it('a term found in one body only is not a gap; covering it removes it', () => {
    const before = lexiconGaps({ items, covered: [] }).map((g) => g.term);
    expect(before).not.toContain('透明性');
    const after = lexiconGaps({ items, covered: ['調達', '防止'] }).map((g) => g.term);
    expect(after).not.toContain('調達');
    expect(after).not.toContain('防止');
  });
});
