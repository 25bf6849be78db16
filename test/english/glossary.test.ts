import { describe, expect, it } from 'vitest';
import { actorsLexicon, instrumentsLexicon } from '../../src/analyze/lexicon.js';
import { fixedNames, termsIn } from '../../src/english/glossary.js';

describe('the glossary of fixed names', () => {
  const glossary = fixedNames();

  it('maps each Japanese term once, to an English name the lexicon gives it', () => {
    expect(glossary.length).toBeGreaterThan(0);
    const terms = glossary.map((t) => t.ja);
    expect(new Set(terms).size).toBe(terms.length);
    for (const t of glossary) {
      expect(t.ja).toMatch(/[\u3040-\u30ff\u3400-\u9fff]/);
      const actor = actorsLexicon().find((a) => a.ja.includes(t.ja) || a.terms.includes(t.ja));
      const instrument = instrumentsLexicon().instruments.find((i) => i.asked_ja.includes(t.ja));
      const names = [...(actor?.en ?? []), ...(instrument?.en ?? [])];
      expect(names, t.ja).toContain(t.en);
    }
  });

  it('holds the institute and the actors named in the lexicon, not descriptions or ambiguous words', () => {
    const aisi = actorsLexicon().find((a) => a.categories.includes('aisi-activity'));
    expect(aisi?.ja.length).toBeGreaterThan(0);
    for (const ja of aisi?.ja ?? []) expect(glossary.map((t) => t.ja)).toContain(ja);
    // A word two instrument types share (調査: a survey or an investigation) is left to the translator.
    const owners = new Map<string, number>();
    for (const i of instrumentsLexicon().instruments)
      for (const w of new Set([...i.ja, ...i.asked_ja])) owners.set(w, (owners.get(w) ?? 0) + 1);
    const shared = [...owners].filter(([, n]) => n > 1).map(([w]) => w);
    expect(shared).toContain('調査');
    for (const w of shared) expect(glossary.map((t) => t.ja)).not.toContain(w);
    for (const t of glossary) expect(t.en, t.ja).not.toMatch(/^(?:\S+ )?(?:government|state laws)$/);
  });

  it('lists for one item only the terms its text uses', () => {
    const [first] = glossary;
    expect(termsIn(`前文${first?.ja}後文`, glossary)).toContainEqual(first);
    expect(termsIn('関係のない文', glossary)).toEqual([]);
  });
});
