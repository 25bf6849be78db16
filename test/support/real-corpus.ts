import { beforeAll } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { ask } from '../../src/query/ask.js';
import { buildIndex, type SearchIndex } from '../../src/search/index-store.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { DATA_DIR } from '../helpers.js';

/** The day the corpus tests ask on. */
export const TODAY = '2026-11-23';

/** An item's Japanese and English text, NFKC and lowercase: what a test checks an answer by. */
export function itemText(it: StoredItem): string {
  return `${it.title}\n${it.body}\n${it.en?.title ?? ''}\n${it.en?.summary ?? ''}`
    .normalize('NFKC')
    .toLowerCase();
}

function corpusHasForms(index: SearchIndex, forms: readonly string[]): boolean {
  const folded = forms.map((f) => f.normalize('NFKC').toLowerCase());
  return index.items.some((it) => folded.some((f) => itemText(it).includes(f)));
}

/**
 * The index of the real corpus (data/), built once for the calling test file, with helpers to ask
 * it and to read the items an answer gives: tests derive what to expect from the corpus itself,
 * so a month added later keeps them true.
 */
export function useRealCorpus() {
  let index: SearchIndex | undefined;
  beforeAll(async () => {
    await loadTokenizer();
    index = buildIndex(DATA_DIR).index;
  });
  const get = (): SearchIndex => {
    if (!index) throw new Error('the real corpus is built in beforeAll');
    return index;
  };
  return {
    index: get,
    ask: (q: string, today = TODAY) => ask(get(), q, { today, limit: 50 }),
    /** The items of an answer's results (each result is an item or the first of an event's). */
    itemsOf: (results: { id: string }[]): StoredItem[] =>
      results.map((r) => {
        const item = get().items.find((it) => it.id === r.id);
        if (!item) throw new Error(`result ${r.id} is no item of the index`);
        return item;
      }),
    /** Whether any item's text holds `word`, or one of several forms of it (NFKC, any case). */
    corpusHas: (word: string | readonly string[]) =>
      corpusHasForms(get(), typeof word === 'string' ? [word] : word),
    /**
     * The first of `candidates` no item mentions in any of its forms: a test about a word the
     * corpus lacks picks it here, so a month that brings the word changes the word, not the test.
     */
    absent: <T extends { forms: readonly string[] }>(candidates: readonly T[]): T => {
      const found = candidates.find((c) => !corpusHasForms(get(), c.forms));
      if (!found)
        throw new Error(
          `every candidate is in the corpus now (${candidates.map((c) => c.forms[0]).join(', ')}): add another`,
        );
      return found;
    },
  };
}
