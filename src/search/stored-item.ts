import type { Item } from '../ingest/item.js';

/**
 * An item as kept in index/: everything needed to render an answer or a citation, without
 * re-reading data/. Only the per-line bookkeeping of the coverage check is left out.
 */
export type StoredItem = Omit<Item, 'source'> & { source: Omit<Item['source'], 'lines'> };

export function toStored(item: Item): StoredItem {
  const { lines: _lines, ...source } = item.source;
  return { ...item, source };
}
