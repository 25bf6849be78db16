import { describe, expect, it } from 'vitest';
import { itemText, useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

describe('a name every answer must match (decide.ts requiredConcepts)', () => {
  it('a Latin name in a Japanese question: every answer names it, or the answer is empty', () => {
    // names the corpus prints in mixed case, each asked with a subject of other items
    const names = ['Grok', 'Kanana', 'DeepMind', 'OpenAI', 'Anthropic'].filter((n) => corpus.corpusHas(n));
    expect(names.length).toBeGreaterThan(0);
    let checked = 0;
    for (const name of names) {
      const r = corpus.ask(`${name}の性的な画像の生成とセキュリティの問題`);
      // (a name the glossary translates, Anthropic → アンソロピック, is a concept like any other)
      if (!r.interp.groups.find((g) => g.label === name)?.name) continue;
      checked += 1;
      for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toContain(name.toLowerCase());
    }
    expect(checked).toBeGreaterThan(0);
  });
});
