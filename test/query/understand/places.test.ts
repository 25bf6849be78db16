import { describe, expect, it } from 'vitest';
import { actorsLexicon } from '../../../src/analyze/lexicon.js';
import { itemText, useRealCorpus } from '../../support/real-corpus.js';

describe('a person who heads an actor, named in a question (actors.yml people)', () => {
  const corpus = useRealCorpus();
  const people = actorsLexicon().flatMap((a) =>
    a.people.map((names) => ({
      actor: a,
      names,
      name: names.find((n) => /^[A-Za-z]+$/.test(n)) ?? (names[0] as string),
    })),
  );

  it('is a concept where the documents print the name: the answer names the person', () => {
    const printed = people.filter((p) => p.names.some((n) => corpus.corpusHas(n)));
    expect(printed.length).toBeGreaterThan(0);
    for (const p of printed) {
      const name = p.names.find((n) => corpus.corpusHas(n)) as string;
      const r = corpus.ask(`${name}の指示`);
      const g = r.interp.groups.find((x) => x.label === name);
      expect(g?.agency).toBeFalsy();
      expect(r.results.length).toBeGreaterThan(0);
      for (const item of corpus.itemsOf(r.results))
        expect(p.names.some((n) => itemText(item).includes(n.toLowerCase()))).toBe(true);
    }
  });

  it("is the actor where the documents never print the name: the actor's country, never missing", () => {
    const unprinted = people.filter((p) => !p.names.some((n) => corpus.corpusHas(n)));
    expect(unprinted.length).toBeGreaterThan(0);
    for (const p of unprinted) {
      const r = corpus.ask(`${p.name} AI order`);
      expect(r.interpretation.countries).toContain(p.actor.country);
      expect(r.interpretation.actors).toContain(p.actor.id);
      expect(r.interpretation.missing).not.toContain(p.name);
    }
  });
});
