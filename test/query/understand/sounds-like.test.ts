import { describe, expect, it } from 'vitest';
import { englishKeys, katakanaKey, latinSoundingLike } from '../../../src/query/understand/sounds-like.js';
import { itemText, useRealCorpus } from '../../support/real-corpus.js';

describe('katakana and Latin words that sound alike', () => {
  it.each([
    ['ジェネシス', 'genesis'],
    ['テクノロジー', 'technology'],
    ['アンソロピック', 'anthropic'],
    ['ガバナンス', 'governance'],
    ['フロンティア', 'frontier'],
    ['チャットボット', 'chatbot'],
    ['ミッション', 'mission'],
  ])('%s sounds like %s', (kana, latin) => {
    expect(englishKeys(latin)).toContain(katakanaKey(kana));
  });

  it.each([
    ['ジェネシス', 'generative'],
    ['ガバナンス', 'guidance'],
    ['テクノロジー', 'technique'],
  ])('%s does not sound like %s', (kana, latin) => {
    expect(englishKeys(latin)).not.toContain(katakanaKey(kana));
  });

  it('short keys never match: three consonants are shared by too many words', () => {
    // ドローン (d-r-n) would sound like "drain", "durian", "dreaming"…
    expect(latinSoundingLike('ドローン', ['drain', 'durian', 'drone'])).toEqual([]);
    expect(latinSoundingLike('ジェネシス', ['genesi', 'generative'])).toEqual(['genesi']);
  });
});

describe('a name the documents print in Latin, asked in katakana', () => {
  const corpus = useRealCorpus();

  // (Genesis is printed in the English fields only, today.)
  it('ジェネシス finds the items that say Genesis, and only those', () => {
    expect(corpus.corpusHas('genesis')).toBe(true);
    const r = corpus.ask('ジェネシス');
    expect(r.results.length).toBeGreaterThan(0);
    for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toContain('genesis');
  });
});
