import { describe, expect, it } from 'vitest';
import { fuzzy, fuzzyOneWord } from '../../src/query/candidates.js';
import { useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

describe('a one-word concept the dictionary knows is matched within one edit, not two', () => {
  it('one edit for a dictionary word, a fifth of the letters for any other', () => {
    expect(fuzzyOneWord('insurance')).toBe(1);
    expect(fuzzyOneWord('regualtoin')).toBe(fuzzy('regualtoin'));
    expect(fuzzyOneWord('ai')).toBe(false);
  });

  it('a word the corpus lacks is not answered through another word two edits away', () => {
    // (pairs two edits apart; a pair counts when the corpus has the second word and not the first)
    const pairs = [
      ['insurance', 'assurance'],
      ['captions', 'actions'],
      ['plugging', 'pledging'],
      ['cracking', 'ranking'],
    ] as const;
    let checked = 0;
    for (const [typed, other] of pairs) {
      if (corpus.corpusHas(typed) || !corpus.corpusHas(other)) continue;
      checked++;
      const r = corpus.ask(typed);
      expect(r.results, typed).toEqual([]);
      expect(r.interpretation.missing ?? r.interp.groups.map((g) => g.label), typed).toContain(typed);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a word of a phrase keeps two edits: forms of one word (cooperative → cooperation)', () => {
    // "cooperative industry" is one dictionary phrase (協業); its words, two edits from the
    // English summaries' "cooperation", still match
    const r = corpus.ask('cooperative industry');
    expect(r.interp.groups.map((g) => g.label)).toEqual(['cooperative industry']);
    expect(r.interpretation.matched).toContain('cooperative industry');
    expect(r.results.length).toBeGreaterThan(0);
  });
});
