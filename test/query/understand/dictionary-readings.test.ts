import { describe, expect, it } from 'vitest';
import { headwordsAsWritten, isCompositional } from '../../../src/query/understand/dictionary-readings.js';
import { useRealCorpus } from '../../support/real-corpus.js';

const corpus = useRealCorpus();

describe('an English word whose dictionary Japanese the corpus writes otherwise', () => {
  const has = (terms: string[]) => ({ hasTerm: (t: string) => terms.includes(t) });
  it("is read as the compound's parts, a person word's field, or a one-kanji word", () => {
    corpus.index(); // (the analyzer is loaded with the corpus)
    expect(headwordsAsWritten(has(['観光']), ['観光客', 'ツーリスト'])).toEqual(['観光']);
    expect(headwordsAsWritten(has(['暗号', '資産']), ['暗号資産'])).toEqual(['暗号資産']);
    expect(headwordsAsWritten(has(['船']), ['船', 'シップ'])).toEqual(['船']);
  });
  it('gives nothing when the corpus has none of it', () => {
    corpus.index();
    expect(headwordsAsWritten(has(['資産']), ['暗号資産', '仮想通貨'])).toEqual([]);
    expect(headwordsAsWritten(has([]), ['船'])).toEqual([]);
  });
});

describe('the end of a word written together (bots → chatbot)', () => {
  it("is read as the glossary word it ends, when its loanword is inside that word's Japanese", () => {
    const bots = corpus.ask('companion bots').interp.groups.find((g) => g.label === 'bots');
    expect(bots?.readAs).toMatch(/^chatbots?$/);
    expect(bots?.alternatives).toContainEqual(['チャットボット']);
  });

  it('letters alone do not join words (dating is not mandate, sports not transport)', () => {
    for (const [q, w] of [
      ['dating apps', 'dating'],
      ['sports betting', 'sports'],
    ] as const) {
      const g = corpus.ask(q).interp.groups.find((x) => x.label === w);
      expect(g?.readAs, q).toBeUndefined();
    }
  });
});

describe('a phrase the dictionary knows as one thing', () => {
  const ctx = (english: [string, string[]][]) => ({
    filler: [],
    expired: () => false,
    vocabulary: { english: new Map(english), readings: new Map() },
  });

  it("is read word by word when its Japanese is made of its words' Japanese (space agency: 宇宙 + 機関)", () => {
    corpus.index();
    expect(isCompositional(ctx([['space', ['宇宙']]]), '宇宙機関', ['space', 'agency'])).toBe(true);
  });

  it('stays one concept when its Japanese is a word of its own (drug discovery: 創薬)', () => {
    corpus.index();
    expect(isCompositional(ctx([]), '創薬', ['drug', 'discovery'])).toBe(false);
    const r = corpus.ask('drug discovery');
    expect(r.interp.groups.map((g) => g.label)).toEqual(['drug discovery']);
  });
});
