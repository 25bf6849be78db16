import { describe, expect, it } from 'vitest';
import { itemText, useRealCorpus } from '../../support/real-corpus.js';

const corpus = useRealCorpus();

describe('a compound the corpus does not write', () => {
  it('is found through the glossary synonyms of a part it does use (性的画像 → 親密画像)', () => {
    const r = corpus.ask('性的画像');
    expect(r.results.length).toBeGreaterThan(0);
    for (const item of corpus.itemsOf(r.results)) {
      const text = itemText(item);
      expect(text).toContain('画像');
      expect(text.includes('性的') || text.includes('親密画像')).toBe(true);
    }
  });
});
