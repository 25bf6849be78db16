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
