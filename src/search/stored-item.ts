import { instrumentOf } from '../analyze/instrument.js';
import type { StoredEnglish } from '../english/entry.js';
import type { Item } from '../ingest/item.js';

/**
 * An item as kept in index/: everything needed to render an answer or a citation, without
 * re-reading data/. Only the per-line bookkeeping of the coverage check is left out. `instrument`
 * is what the item is about (law, guideline, consultation…), read from its title with the
 * lexicon, so "guidelines from Korea" and 法律 can filter on it. `en` is the item's English
 * title and summary from data/english/ (attached at build, see src/english/attach.ts), absent when
 * none was written yet.
 */
export type StoredItem = Omit<Item, 'source'> & {
  source: Omit<Item['source'], 'lines'>;
  instrument?: string;
  en?: StoredEnglish;
};

export function toStored(item: Item): StoredItem {
  const { lines: _lines, ...source } = item.source;
  const instrument = instrumentOf(item.title);
  return { ...item, source, ...(instrument ? { instrument } : {}) };
}
