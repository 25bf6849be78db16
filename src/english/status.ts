import { sameTitle } from './attach.js';
import type { EnglishBy, LoadedEntry } from './entry.js';

/** What the status needs of an item. */
export interface StatusItem {
  id: string;
  title: string;
  source: { document: string };
}

/** Where the corpus's English stands. */
export interface EnglishStatus {
  /** Items with no English at all. */
  missing: { id: string; document: string; title: string }[];
  /** Entries written from a Japanese title the item no longer has: to review. */
  stale: { id: string; document: string; title: string; ja: string; by: EnglishBy }[];
  /** Entries naming no item of the corpus (an id that moved or a document removed). */
  orphans: { id: string; document: string }[];
  /** Machine-made entries (deepl, llm) waiting for a person's review. */
  unreviewed: number;
  /** Items with English. */
  covered: number;
}

/**
 * Compares the corpus with `data/english/`: which items lack English, which entries a changed
 * title has made stale, which name no item. Pure; items in corpus order.
 */
export function englishStatus(
  items: readonly StatusItem[],
  entries: ReadonlyMap<string, LoadedEntry>,
): EnglishStatus {
  const status: EnglishStatus = { missing: [], stale: [], orphans: [], unreviewed: 0, covered: 0 };
  const ids = new Set<string>();
  for (const item of items) {
    ids.add(item.id);
    const entry = entries.get(item.id);
    const document = item.source.document;
    if (!entry) {
      status.missing.push({ id: item.id, document, title: item.title });
      continue;
    }
    status.covered += 1;
    if (entry.by !== 'person') status.unreviewed += 1;
    if (!sameTitle(entry.ja, item.title))
      status.stale.push({ id: item.id, document, title: item.title, ja: entry.ja, by: entry.by });
  }
  for (const [id, entry] of entries) if (!ids.has(id)) status.orphans.push({ id, document: entry.document });
  return status;
}
