import { describe, expect, it } from 'vitest';
import { questionWords } from '../../src/analyze/lexicon.js';
import { itemText, useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

/** Questions asking one thing of the institute, in the forms people type (EN and JA). */
const ASKED = [
  'what does the AISI actually do',
  'what is japan aisi for',
  'AISIの役割は？',
  'how many staff does the aisi have',
  'AISIの人員って何人？',
  "what is aisi's budget",
  'AISIの予算はいくら',
  "aisi's future direction",
  'AISIの今後の方向性',
  'when was the aisi founded',
  'AISIはいつ設立された？',
  'who heads the aisi',
];

describe('what a question asks of its subject (question-words.yml aspects)', () => {
  it('each pattern compiles and each aspect is asked by some question', () => {
    const aspects = questionWords().aspects;
    expect(aspects.length).toBeGreaterThan(0);
    for (const a of aspects) {
      const asked = ASKED.some((q) => a.asked.some((p) => new RegExp(p, 'i').test(q)));
      expect(asked, a.rank.join(',')).toBe(true);
    }
  });

  it('ranks first the answers that hold the words of what is asked, when any does', () => {
    let checked = 0;
    for (const q of ASKED) {
      const r = corpus.ask(q);
      const rank = r.interp.rank ?? [];
      expect(rank.length, q).toBeGreaterThan(0);
      const items = corpus.itemsOf(r.results);
      const holds = (i: number) => rank.some((w) => itemText(items[i] as (typeof items)[number]).includes(w));
      if (!items.some((_, i) => holds(i))) continue;
      checked += 1;
      expect(holds(0), `${q}: ${items[0]?.title}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(ASKED.length / 2);
  });
});
