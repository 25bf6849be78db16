import { describe, expect, it } from 'vitest';
import { withMessages } from '../../src/present/ask-json.js';
import { termDocCount } from '../../src/search/scorer.js';
import { itemText, useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

describe('words the corpus has, asked of a place none of their items is about', () => {
  /** Katakana words of event titles, with a country (of those the corpus has) none of their items concerns. */
  const cases = () => {
    const index = corpus.index();
    const countries = ['KR', 'GB', 'CN', 'SG', 'IN', 'US', 'EU', 'FR', 'DE'];
    const out: { word: string; country: string }[] = [];
    for (const item of index.items) {
      const word = item.title.match(/[\u30a1-\u30faー]{5,}/)?.[0];
      if (!word || termDocCount(index, word) < 1 || out.some((c) => c.word === word)) continue;
      const holding = index.items.filter((it) => itemText(it).includes(word.toLowerCase()));
      const country = countries.find(
        (c) =>
          !holding.some((it) => it.countries.includes(c)) &&
          index.items.some((it) => it.countries.includes(c)),
      );
      if (country) out.push({ word, country });
    }
    return out.slice(0, 6);
  };
  const names: Record<string, string> = {
    KR: '韓国',
    GB: '英国',
    CN: '中国',
    SG: 'シンガポール',
    IN: 'インド',
    US: '米国',
    EU: 'EU',
    FR: 'フランス',
    DE: 'ドイツ',
  };

  it('says so (not "nothing matches") and offers their items about other places', () => {
    let checked = 0;
    for (const { word, country } of cases()) {
      const r = corpus.ask(`${names[country]}の${word}`);
      if (r.results.length || r.interp.groups.length !== 1) continue;
      checked += 1;
      const codes = (r.notices ?? []).map((n) => n.code);
      expect(codes, word).toContain('nothingInPlace');
      expect(codes, word).not.toContain('nothingMatches');
      expect(
        corpus.itemsOf(r.suggestions ?? []).some((it) => itemText(it).includes(word.toLowerCase())),
        word,
      ).toBe(true);
      // (said in words, naming the place)
      expect(withMessages(r).message, word).toContain(names[country] as string);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
