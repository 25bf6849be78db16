import { loadEnglish } from '../english/files.js';
import type { Item } from '../ingest/item.js';

/** Which items have an English title and summary, by item id. */
export type EnglishCoverage = (itemId: string) => boolean;

/**
 * The English of `data/english/` as it stands when called (after a provider may just have
 * filled a new month). English files that cannot be read count as no English: the admin
 * channel's count then errs towards work to do, and the index build names the bad file.
 */
export function englishIn(dataDir: string): EnglishCoverage {
  let ids: ReadonlySet<string>;
  try {
    ids = new Set(loadEnglish(dataDir).keys());
  } catch {
    ids = new Set();
  }
  return (id) => ids.has(id);
}

/**
 * How many of a new month's items lack English, for the admin channel's message: the count a
 * reviewer has to translate (or a provider to fill) before English askers read the month in
 * English.
 */
export function itemsLackingEnglish(items: readonly Item[], hasEnglish: EnglishCoverage): number {
  return items.filter((i) => !hasEnglish(i.id)).length;
}
