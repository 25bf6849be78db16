import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS } from './options.js';
import type { StoredItem } from './stored-item.js';

/** The indexed fields, in the order MiniSearch visits them. */
export const INDEXED_FIELDS: readonly string[] = SEARCH_OPTIONS.fields;

/**
 * What the analyzer sees of one item: each indexed field's text exactly as MiniSearch would
 * hand it to the tokenizer (`null` when the field is absent). Derived from the shared options,
 * so the cache and the workers can never disagree with a plain `addAll`.
 */
export function fieldTexts(item: StoredItem): (string | null)[] {
  const extract = SEARCH_OPTIONS.extractField ?? MiniSearch.getDefault('extractField');
  const stringify = SEARCH_OPTIONS.stringifyField ?? MiniSearch.getDefault('stringifyField');
  return INDEXED_FIELDS.map((field) => {
    const value = extract(item, field);
    return value == null ? null : stringify(value, field);
  });
}

/**
 * Runs the index-time analyzer over one item's field texts: the slow, kuromoji-bound step the
 * term cache and the worker pool exist for. Pure: same texts, same terms.
 */
export function analyzeFieldTexts(texts: (string | null)[]): (string[] | null)[] {
  const tokenize = SEARCH_OPTIONS.tokenize ?? MiniSearch.getDefault('tokenize');
  const process = SEARCH_OPTIONS.processTerm ?? MiniSearch.getDefault('processTerm');
  return texts.map((text, i) => {
    if (text === null) return null;
    const field = INDEXED_FIELDS[i] as string;
    const out: string[] = [];
    for (const token of tokenize(text, field)) {
      const processed = process(token, field);
      if (Array.isArray(processed)) {
        for (const t of processed) if (t) out.push(t);
      } else if (processed) out.push(processed);
    }
    return out;
  });
}

/**
 * A MiniSearch filled from already analyzed terms. It is the same index `addAll` would build
 * (same documents in the same order, same terms in the same order), so the saved JSON is
 * byte-identical, but no text is tokenized here: that was done by the cache or the workers.
 */
export function miniSearchFromTerms(
  items: StoredItem[],
  terms: (string[] | null)[][],
): MiniSearch<StoredItem> {
  const byItem = new Map<StoredItem, (string[] | null)[]>();
  items.forEach((item, i) => {
    byItem.set(item, terms[i] as (string[] | null)[]);
  });
  const original = SEARCH_OPTIONS.extractField ?? MiniSearch.getDefault('extractField');
  let pending: string[] = [];
  const mini = new MiniSearch<StoredItem>({
    ...SEARCH_OPTIONS,
    extractField: (doc, field) => {
      const at = INDEXED_FIELDS.indexOf(field);
      if (at < 0) return original(doc, field);
      const fieldTerms = (byItem.get(doc) as (string[] | null)[])[at];
      if (fieldTerms == null) return undefined;
      pending = fieldTerms;
      return '';
    },
    // MiniSearch tokenizes right after extracting the field: hand it the prepared terms.
    tokenize: () => pending,
    processTerm: (term) => term,
  });
  mini.addAll(items);
  // Later adds and searches must behave like an index built with the shared options.
  const options = (mini as unknown as { _options: Record<string, unknown> })._options;
  options.extractField = original;
  options.tokenize = SEARCH_OPTIONS.tokenize ?? MiniSearch.getDefault('tokenize');
  options.processTerm = SEARCH_OPTIONS.processTerm ?? MiniSearch.getDefault('processTerm');
  return mini;
}
