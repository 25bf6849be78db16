import { describe, expect, it } from 'vitest';
import { termDocCount } from '../../src/search/scorer.js';
import { itemText, useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

describe('words the corpus has, asked of a period none of their items is dated in', () => {
  it('says so (not "nothing matches") and offers their items of other dates', () => {
    const index = corpus.index();
    const months = [
      ...new Set(index.items.flatMap((it) => (it.date ? [it.date.start.slice(0, 7)] : []))),
    ].sort();
    expect(months.length).toBeGreaterThan(1);
    let checked = 0;
    for (const item of index.items) {
      if (!item.date || checked >= 5) continue;
      const word = item.title.match(/[\u30a1-\u30faー]{5,}/)?.[0];
      if (!word || termDocCount(index, word) < 1) continue;
      const holding = index.items.filter((it) => itemText(it).includes(word.toLowerCase()));
      const other = months.find((m) => !holding.some((it) => it.date?.start.startsWith(m)));
      if (!other) continue;
      const [y, m] = other.split('-').map(Number) as [number, number];
      const r = corpus.ask(`${y}年${m}月の${word}`);
      // (a concept, not a place: a place with no items that month is 'No items dated …')
      if (r.results.length || r.interp.countries.length || r.interp.groups.some((g) => g.place)) continue;
      checked += 1;
      expect(
        (r.notices ?? []).map((n) => n.code),
        word,
      ).toContain('nothingInPeriod');
      expect(
        (r.notices ?? []).map((n) => n.code),
        word,
      ).not.toContain('nothingMatches');
      expect(
        corpus.itemsOf(r.suggestions ?? []).some((it) => itemText(it).includes(word.toLowerCase())),
        word,
      ).toBe(true);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
