import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../src/query/places.js';
import { useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();
const read = (q: string) => corpus.ask(q).interp;

describe('two-word places typed with a typo', () => {
  it.each([
    ['new yrok raise act signed?', 'new york'],
    ['new jersy deepfake law', 'new jersey'],
    ['north carolnia ai rules', 'north carolina'],
  ])('%s → %s (a state, which every answer must name)', (q, name) => {
    const g = read(q).groups.find((x) => x.place);
    expect(g?.label.toLowerCase()).toBe(name);
    expect(g?.place).toBe('state');
  });

  it('south kroea is South Korea, not "south" and Korea', () => {
    const i = read('south kroea ai law');
    expect(i.countries).toEqual(['KR']);
    expect(i.groups.map((g) => g.label)).not.toContain('south');
  });

  it('a word of its own is no typo: "new work" is not New York', () => {
    const i = read('new work on ai safety');
    expect(i.groups.some((g) => g.place)).toBe(false);
    expect(i.countries).toEqual([]);
  });
});

describe('a place name inside a glossary phrase', () => {
  it('is the phrase, not the place ("the Brussels effect" is no EU question)', () => {
    expect(findPlaces('murakami on the brussels effect').countries).toEqual([]);
    expect(findPlaces('what did brussels publish').countries).toEqual(['EU']);
    // (a phrase that names places is no term of art: the glossary's "us and uk" is two countries)
    expect(findPlaces('what did the US and UK sign').countries).toEqual(['US', 'GB']);
  });
});

describe("a country's katakana name with a long-vowel mark left out or typed in", () => {
  it('is the country (ニュジーランド), for the package names too, but never one other edit away', () => {
    expect(findPlaces('ニュジーランドの動き').countries).toEqual(['NZ']);
    expect(findPlaces('シンガーポールの動き').countries).toEqual(['SG']);
    // (one kana changed in a package name is another word: ニュージーラント is no country)
    expect(findPlaces('ニュージーラントの動き').countries).toEqual([]);
  });
});

describe('"the states"', () => {
  it('is the United States', () => {
    expect(findPlaces('anything from the states in december?').countries).toEqual(['US']);
  });
});
