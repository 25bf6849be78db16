import { instrumentOf } from '../analyze/instrument.js';
import type { Item } from '../ingest/item.js';

/**
 * An item as kept in index/: everything needed to render an answer or a citation, without
 * re-reading data/. Only the per-line bookkeeping of the coverage check is left out. `instrument`
 * is what the item is about (law, guideline, consultation…), read from its title with the
 * lexicon, so "guidelines from Korea" and 法律 can filter on it.
 */
export type StoredItem = Omit<Item, 'source'> & {
  source: Omit<Item['source'], 'lines'>;
  instrument?: string;
};

export function toStored(item: Item): StoredItem {
  const { lines: _lines, ...source } = item.source;
  const instrument = instrumentOf(item.title);
  return { ...item, source, ...(instrument ? { instrument } : {}) };
}
