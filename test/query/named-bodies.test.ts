import { describe, expect, it } from 'vitest';
import { actorsById } from '../../src/analyze/lexicon.js';
import { MONTHS_EN } from '../../src/query/dates.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { itemText, useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

/** An item's text and its URLs (a page on soumu.go.jp is the MIC's own). */
const textOf = (it: StoredItem) => `${itemText(it)}\n${it.urls.join(' ').toLowerCase()}`;
/** Names compared without hyphens and spaces (India-AI is IndiaAI). */
const namesIn = (it: StoredItem, names: string[]) => {
  const text = textOf(it).replace(/[-\s]/g, '');
  return names.some((n) => text.includes(n.replace(/[-\s]/g, '')));
};

describe('a body named in a question (TermGroup.body, decide.ts requiredConcepts)', () => {
  it('every answer names the body or is one of its own section items; a month without it answers nothing', () => {
    const months = [
      ...new Set(corpus.index().items.flatMap((it) => (it.date ? [it.date.start.slice(0, 7)] : []))),
    ];
    expect(months.length).toBeGreaterThan(0);
    let asked = 0;
    let emptied = 0;
    for (const actor of actorsById().values()) {
      if (!['agency', 'ministry', 'regulator', 'standards-body'].includes(actor.kind)) continue;
      const names = [...actor.ja, ...actor.en, ...actor.terms].map((n) => n.normalize('NFKC').toLowerCase());
      const naming = corpus.index().items.filter((it) => namesIn(it, names));
      if (!naming.length) continue;
      const english = actor.en[0] as string;
      for (const month of months) {
        const [y, m] = month.split('-').map(Number) as [number, number];
        const r = corpus.ask(`${english} in ${MONTHS_EN[m - 1]} ${y}`);
        if (!r.interp.groups.some((g) => g.actor === actor.id)) continue;
        asked += 1;
        for (const item of corpus.itemsOf(r.results)) {
          const own = actor.categories.includes(item.category);
          expect(own || namesIn(item, names), `${english}, ${month}: ${item.title}`).toBe(true);
        }
        const inMonth = naming.some(
          (it) => it.date && it.date.start.slice(0, 7) <= month && it.date.end.slice(0, 7) >= month,
        );
        if (!inMonth) {
          expect(r.results, `${english} in ${month}`).toEqual([]);
          emptied += 1;
        }
      }
    }
    expect(asked).toBeGreaterThan(0);
    expect(emptied).toBeGreaterThan(0);
  });
});
