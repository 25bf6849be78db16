import { describe, expect, it } from 'vitest';
import { applyFilters } from '../../src/weekly/select.js';
import { TODAY, useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

describe('subscription filters are read as questions are', () => {
  // Words found only through the corpus's lookups: the bilingual vocabulary (driving → 運転) and
  // a katakana name the documents print in Latin (ジェネシス → Genesis).
  it.each(['autonomous driving', 'ジェネシス'])('%s allows the items the same question finds', (filter) => {
    const asked = corpus.ask(filter);
    expect(asked.results.length).toBeGreaterThan(0);
    const f = applyFilters(corpus.index(), filter, TODAY);
    expect(f.missing).toEqual([]);
    for (const r of asked.results) expect(f.allowed?.has(r.id), r.id).toBe(true);
  });
});
