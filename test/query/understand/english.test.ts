import { describe, expect, it } from 'vitest';
import { questionWords } from '../../../src/analyze/lexicon.js';
import { withMessages } from '../../../src/present/ask-json.js';
import { itemText, useRealCorpus } from '../../support/real-corpus.js';

const corpus = useRealCorpus();

describe('a generic head after a subject only ranks', () => {
  it.each(questionWords().generic_heads_en)(
    'chatbot %s: the chatbot items answer, whatever the corpus says of the head',
    (head) => {
      const r = corpus.ask(`chatbot ${head}`);
      expect(r.interp.groups.find((g) => g.label === head)?.weak).toBe(true);
      expect(r.results.length).toBeGreaterThan(0);
      for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toMatch(/チャットボット|chatbot/);
    },
  );

  it('alone, a head is an ordinary concept', () => {
    const r = corpus.ask('apps');
    expect(r.interp.groups.find((g) => g.label === 'apps')?.weak).toBe(false);
  });
});

describe('amounts of money', () => {
  it.each([
    ['million dollar fines', 'million dollar', 'fines'],
    ['$10m grants', '$10m', 'grants'],
    ['88 oku yen budget', '88 oku yen', 'budget'],
    ['fines of 3 million euros', '3 million euros', 'fines'],
  ])(
    '%s: the amount is filler (the digests write amounts in 万/億, not indexed), the rest decides',
    (q, amount, concept) => {
      const r = corpus.ask(q);
      expect(r.interp.filler).toContain(amount);
      expect(r.interp.groups.map((g) => g.label)).toEqual([concept]);
    },
  );

  it('the answer says the amount was read as filler (it was not searched for)', () => {
    const r = withMessages(corpus.ask('which law has million dollar fines'));
    expect(r.message).toContain('read as filler “million dollar”');
  });

  it('codes and years with numbers are not amounts', () => {
    const r = corpus.ask('sb 53 in 2025');
    expect(r.interp.filler.join(' ')).not.toMatch(/\d/);
  });
});
