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

describe('"lately" asked of a subject the last 30 days hold nothing of', () => {
  it("answers with the subject's newest items up to today, saying nothing is recent and how old they are", () => {
    const index = corpus.index();
    const dated = index.items.filter((it) => it.date && it.countries.length === 1);
    const newest = dated.reduce((m, it) => ((it.date?.start ?? '') > m ? (it.date?.start ?? '') : m), '');
    // Today: the corpus's newest day. A country whose own newest item is over 45 days older.
    const byCountry = new Map<string, string>();
    for (const it of index.items)
      for (const c of it.date ? it.countries : [])
        if ((it.date?.start ?? '') > (byCountry.get(c) ?? '')) byCountry.set(c, it.date?.start ?? '');
    const stale = [...byCountry].filter(([, d]) => Date.parse(newest) - Date.parse(d) > 45 * 86_400_000);
    let checked = 0;
    for (const [code, last] of stale.slice(0, 4)) {
      const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(code);
      if (!name || code === 'EU') continue;
      const r = corpus.ask(`what has ${name} done lately`, newest);
      if (!r.interp.countries.includes(code)) continue;
      checked += 1;
      expect(r.results.length, name).toBeGreaterThan(0);
      expect(
        (r.notices ?? []).map((n) => n.code),
        name,
      ).toContain('nothingRecent');
      for (const it of corpus.itemsOf(r.results)) {
        expect(it.countries, name).toContain(code);
        expect((it.date?.start ?? '') <= newest, name).toBe(true);
        expect(it.date?.start.slice(0, 7), name).toBe(last.slice(0, 7));
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a window that holds the subject answers from it as before', () => {
    // Today: ten days after a dated single-country item; that country "lately" is answered from
    // the 30 days before today, without "nothing recent".
    const item = corpus
      .index()
      .items.find((it) => it.date && it.countries.length === 1 && it.countries[0] !== 'EU');
    expect(item).toBeDefined();
    const code = item?.countries[0] as string;
    const today = new Date(Date.parse(item?.date?.start as string) + 10 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const from = new Date(Date.parse(today) - 30 * 86_400_000).toISOString().slice(0, 10);
    const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(code) as string;
    const r = corpus.ask(`anything recent on ${name}`, today);
    expect(r.interp.countries, name).toContain(code);
    expect(r.results.length, name).toBeGreaterThan(0);
    expect(
      (r.notices ?? []).map((m) => m.code),
      name,
    ).not.toContain('nothingRecent');
    for (const it of corpus.itemsOf(r.results)) expect((it.date?.end ?? '') >= from, name).toBe(true);
  });
});
