import type { EnglishBy, LoadedEntry, StoredEnglish } from './entry.js';

/** What attaching needs of an item: its id and its Japanese title as the source gives it now. */
interface Titled {
  id: string;
  title: string;
}

/** Titles compared as a reader would: width forms and spacing are not a change of title. */
export const sameTitle = (a: string, b: string): boolean => norm(a) === norm(b);
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The English an item carries: the entry without `ja`, marked `stale` when the title has changed since. */
function storedEnglish(entry: LoadedEntry, title: string): StoredEnglish {
  return {
    title: entry.title,
    summary: entry.summary,
    by: entry.by,
    date: entry.date,
    ...(sameTitle(entry.ja, title) ? {} : { stale: true as const }),
  };
}

/**
 * The items with their English attached as `en` (at index build, so results, citations and
 * exports carry it without reading data/ again). Items without an entry are returned as they are.
 */
export function withEnglish<T extends Titled>(
  items: readonly T[],
  entries: ReadonlyMap<string, LoadedEntry>,
): (T & { en?: StoredEnglish })[] {
  if (!entries.size) return items as T[];
  return items.map((item) => {
    const entry = entries.get(item.id);
    return entry ? { ...item, en: storedEnglish(entry, item.title) } : item;
  });
}

/**
 * The English fields of an `ask` result (and so of `ask --json`, exports, digests):
 * `title_en`, `summary_en`, `english_by` (person: written or reviewed by someone; deepl, llm:
 * machine-made, not yet reviewed) and `english_stale` when the source's title changed after the
 * English was written. Nothing when the item has no English: its keyword line (`english`)
 * stands in, labelled as a gloss.
 */
export function englishResultFields(item: { en?: StoredEnglish | undefined }): {
  title_en?: string;
  summary_en?: string;
  english_by?: EnglishBy;
  english_stale?: true;
} {
  const en = item.en;
  if (!en) return {};
  return {
    title_en: en.title,
    summary_en: en.summary,
    english_by: en.by,
    ...(en.stale ? { english_stale: true as const } : {}),
  };
}
