import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../../src/analyze/kuromoji.js';
import { ask } from '../../../src/query/ask.js';
import { englishKeys, katakanaKey, latinSoundingLike } from '../../../src/query/understand/sounds-like.js';
import { buildIndex, type SearchIndex } from '../../../src/search/index-store.js';
import { DATA_DIR } from '../../helpers.js';

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
  let index: SearchIndex;
  beforeAll(async () => {
    await loadTokenizer();
    index = buildIndex(DATA_DIR).index;
  });
  // (Genesis is printed in the English fields only, today.)
  const english = (it: SearchIndex['items'][number]) =>
    `${it.title}\n${it.body}\n${it.en?.title ?? ''}\n${it.en?.summary ?? ''}`.toLowerCase();

  it('ジェネシス finds the items that say Genesis, and only those', () => {
    const holding = index.items.filter((it) => english(it).includes('genesis'));
    expect(holding.length).toBeGreaterThan(0);
    const r = ask(index, 'ジェネシス', { today: '2026-11-23', limit: 50 });
    expect(r.results.length).toBeGreaterThan(0);
    for (const hit of r.results) {
      const item = index.items.find((it) => it.id === hit.id);
      expect(item && english(item)).toContain('genesis');
    }
  });
});
