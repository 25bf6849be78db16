import type { SearchOptions } from 'minisearch';
import type { SearchIndex } from './index-store.js';
import type { StoredItem } from './stored-item.js';

/**
 * A MiniSearch `boostDocument` that keeps only the items passing `passes`, for a query's hard
 * filters (countries, regions, period).
 *
 * MiniSearch's `filter` option runs after scoring: every document that contains a query term is
 * scored and given a result object first, which on a large corpus is most of a filtered query's
 * time. A document boost of 0 makes MiniSearch skip the document before it is scored, and a boost
 * of 1 leaves the others' scores unchanged, so results and scores are the same as with `filter`
 * (a test checks both). Measured on the 10 000-item bench index, `ai AND セキュリティ` in Korea
 * in 2024: 38.8 ms with `filter`, 11.4 ms with this gate.
 *
 * Use: `index.mini.search(query, { fuzzy, boostDocument: onlyItems(index, passes) })`, the gate
 * built once per question (one pass over the items, well under a millisecond at 10 000 items).
 */
export function onlyItems(
  index: SearchIndex,
  passes: (item: StoredItem) => boolean,
): NonNullable<SearchOptions['boostDocument']> {
  const allowed = new Set<string>();
  for (const item of index.items) if (passes(item)) allowed.add(item.id);
  return (id) => (allowed.has(String(id)) ? 1 : 0);
}
