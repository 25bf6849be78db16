import { describe, expect, it } from 'vitest';
import { corpusLookups } from '../../../src/query/corpus-lookups.js';
import { expandClippedNames } from '../../../src/query/understand/clipped-names.js';
import { droppedWords } from '../../support/dropped-words.js';
import { useRealCorpus } from '../../support/real-corpus.js';

const corpus = useRealCorpus();

describe('Japanese names clipped as people type them', () => {
  it('reads a katakana word cut short before 省 as the corpus word it begins (エネ省 → エネルギー省)', () => {
    const lookups = corpusLookups(corpus.index());
    expect(corpus.corpusHas('エネルギー省')).toBe(true);
    expect(expandClippedNames('エネ省が情報提供依頼', lookups)).toEqual({
      text: 'エネルギー省が情報提供依頼',
      read: [['エネ省', 'エネルギー省']],
    });
    // (a word the corpus writes whole is no clipped form, and a prefix two corpus words share is a guess)
    expect(expandClippedNames('デジタル庁の公募', lookups).text).toBe('デジタル庁の公募');
  });

  it("expands a name's clipped last part only where the corpus writes the full name (千葉工大)", () => {
    const lookups = corpusLookups(corpus.index());
    expect(corpus.corpusHas('千葉工業大学')).toBe(true);
    expect(expandClippedNames('千葉工大のワークショップ', lookups).text).toBe('千葉工業大学のワークショップ');
    // (拡大 is no clipped 拡大学: the corpus has no such name)
    expect(expandClippedNames('利用の拡大', lookups).text).toBe('利用の拡大');
  });

  it('answers a question with the clipped name as with the full one', () => {
    const clipped = corpus.ask('エネ省のAI人材育成の情報提供依頼');
    const full = corpus.ask('エネルギー省のAI人材育成の情報提供依頼');
    expect(full.results.length).toBeGreaterThan(0);
    expect(clipped.results.map((r) => r.id)).toEqual(full.results.map((r) => r.id));
    // (and says how it read the name, placing the word as typed)
    const said = clipped.notices?.find((n) => n.code === 'wordsRead');
    expect(said?.args).toMatchObject({ readAs: { エネ省: 'エネルギー省' } });
    expect(droppedWords(clipped, clipped.interp)).toEqual([]);
  });
});
