import { beforeAll, describe, expect, it } from 'vitest';
import { lookupEnglishWord } from '../../../src/analyze/dictionary.js';
import { loadTokenizer } from '../../../src/analyze/kuromoji.js';
import { allNames } from '../../../src/geo/gazetteer.js';
import { correctPlaceTypos } from '../../../src/query/understand/place-typos.js';

beforeAll(async () => {
  await loadTokenizer();
});

describe('a place typed one letter off (understand/place-typos.ts)', () => {
  it("is the place: every one-word country name with a letter dropped, where that is no word and no other place's typo", () => {
    const words = [
      ...new Set(
        allNames()
          .filter((n) => n.lang === 'en' && !n.agency && !n.actor && /^[A-Za-z]{7,}$/.test(n.text))
          .map((n) => n.text.toLowerCase()),
      ),
    ];
    let checked = 0;
    for (const name of words) {
      const typo = name.slice(0, 3) + name.slice(4);
      if (lookupEnglishWord(typo) || words.includes(typo)) continue;
      const { text, read } = correctPlaceTypos(`ai news from ${typo} last month`, () => false);
      // (a typo one edit from two places is left as typed)
      if (!read.length) continue;
      checked += 1;
      expect(read, typo).toEqual([[typo, name]]);
      expect(text).toBe(`ai news from ${name} last month`);
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('leaves English words, corpus terms and the names themselves alone', () => {
    expect(correctPlaceTypos('korea and japan', () => false).read).toEqual([]);
    expect(correctPlaceTypos('the main points', () => false).read).toEqual([]);
    expect(correctPlaceTypos('indiaai mission', (t) => t === 'indiaai').read).toEqual([]);
  });
});

describe('a place read from a typo, in the answer', () => {
  it('is said as read, and the word counts as placed', async () => {
    const { ask } = await import('../../../src/query/ask.js');
    const { buildIndex } = await import('../../../src/search/index-store.js');
    const { droppedWords } = await import('../../support/dropped-words.js');
    const { DATA_DIR } = await import('../../helpers.js');
    const index = buildIndex(DATA_DIR).index;
    const r = ask(index, 'ai news from germny', { today: '2026-02-15', limit: 50 });
    expect(r.interp.countries).toContain('DE');
    // (an answer, so the dropped-word check below has words to check)
    expect(r.results.length).toBeGreaterThan(0);
    const read = (r.notices ?? []).find((n) => n.code === 'wordsRead');
    expect((read?.args as { readAs?: Record<string, string> } | undefined)?.readAs?.germny).toBe('germany');
    expect(droppedWords(r, r.interp)).toEqual([]);
  });
});
