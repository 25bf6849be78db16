import type { Item } from '../ingest/item.js';

/**
 * Which items have an English title and summary, by item id. This branch has no English data
 * yet (issue 20): until it is wired to that store, no item has one.
 */
export type EnglishCoverage = (itemId: string) => boolean;

/** No English anywhere: what this branch knows. */
export const NO_ENGLISH: EnglishCoverage = () => false;

/**
 * How many of a new month's items lack English, for the admin channel's message: the count a
 * reviewer has to translate (or a provider to fill) before English askers read the month in
 * English.
 *
 * @remarks The one place to wire issue 20's English data: pass its coverage instead of
 * {@link NO_ENGLISH}.
 */
export function itemsLackingEnglish(
  items: readonly Item[],
  hasEnglish: EnglishCoverage = NO_ENGLISH,
): number {
  return items.filter((i) => !hasEnglish(i.id)).length;
}
