import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../../src/analyze/kuromoji.js';
import { questionWords } from '../../../src/analyze/lexicon.js';
import { ask } from '../../../src/query/ask.js';
import { buildIndex, type SearchIndex } from '../../../src/search/index-store.js';
import { DATA_DIR } from '../../helpers.js';

let index: SearchIndex;
beforeAll(async () => {
  await loadTokenizer();
  index = buildIndex(DATA_DIR).index;
});
const TODAY = '2026-11-23';
const text = (it: SearchIndex['items'][number]) =>
  `${it.title}\n${it.body}\n${it.en?.title ?? ''}\n${it.en?.summary ?? ''}`.toLowerCase();

describe('a generic head after a subject only ranks', () => {
  it.each(questionWords().generic_heads_en)(
    'chatbot %s: the chatbot items answer, whatever the corpus says of the head',
    (head) => {
      const r = ask(index, `chatbot ${head}`, { today: TODAY, limit: 50 });
      expect(r.interp.groups.find((g) => g.label === head)?.weak).toBe(true);
      expect(r.results.length).toBeGreaterThan(0);
      for (const hit of r.results) {
        const item = index.items.find((it) => it.id === hit.id) as SearchIndex['items'][number];
        expect(text(item)).toMatch(/チャットボット|chatbot/);
      }
    },
  );

  it('alone, a head is an ordinary concept', () => {
    const r = ask(index, 'apps', { today: TODAY, limit: 50 });
    expect(r.interp.groups.find((g) => g.label === 'apps')?.weak).toBe(false);
  });
});

describe('amounts of money', () => {
  it.each([
    ['million dollar fines', 'million dollar', 'fines'],
    ['$10m grants', '$10m', 'grants'],
    ['88 oku yen budget', '88 oku yen', 'budget'],
    ['fines of 3 million euros', '3 million euros', 'fines'],
  ])(
    '%s: the amount is filler (the digests write amounts in 万/億, not indexed), the rest decides',
    (q, amount, concept) => {
      const r = ask(index, q, { today: TODAY, limit: 50 });
      expect(r.interp.filler).toContain(amount);
      expect(r.interp.groups.map((g) => g.label)).toEqual([concept]);
    },
  );

  it('codes and years with numbers are not amounts', () => {
    const r = ask(index, 'sb 53 in 2025', { today: TODAY, limit: 50 });
    expect(r.interp.filler.join(' ')).not.toMatch(/\d/);
  });
});
