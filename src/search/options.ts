import type { Options } from 'minisearch';
import { tokenize } from '../analyze/analyzer.js';
import { englishTerms } from '../analyze/english-terms.js';
import type { StoredItem } from './stored-item.js';

/**
 * Field weights: a word in the title says more about an item than the same word in its body. The
 * English title and summary (data/english/) are their own fields, analyzed as English.
 */
export const FIELD_BOOST = { title: 3, body: 1, refs: 1.5, title_en: 2, summary_en: 1 } as const;

/** The fields analyzed as English (see englishTerms), not with kuromoji. */
export const ENGLISH_FIELDS: ReadonlySet<string> = new Set(['title_en', 'summary_en']);

/**
 * The ONE options object for building and loading the index. MiniSearch's `loadJSON` must get
 * the same options the index was built with, so both paths import this constant.
 *
 * @remarks Index time runs the full analyzer; query time receives terms the query layer has
 * already analyzed, so its tokenizer only splits on the separator the query builder uses.
 */
export const SEARCH_OPTIONS: Options<StoredItem> = {
  idField: 'id',
  fields: ['title', 'body', 'refs', 'title_en', 'summary_en'],
  storeFields: ['id'],
  extractField: (doc, field) => {
    // URLs as words (cac.gov.cn → cac, gov, cn), plus where the item sits in its document.
    if (field === 'refs')
      return [...doc.urls.map((u) => u.replace(/[^A-Za-z0-9]+/g, ' ')), doc.source.sectionLabel].join(' ');
    // An item's English, when written (absent fields are skipped by MiniSearch).
    if (field === 'title_en') return doc.en?.title as string;
    if (field === 'summary_en') return doc.en?.summary as string;
    return (doc as unknown as Record<string, unknown>)[field] as string;
  },
  tokenize: (text, field) => (field && ENGLISH_FIELDS.has(field) ? englishTerms(text) : tokenize(text)),
  processTerm: (term) => term,
  searchOptions: {
    tokenize: (text) => text.split('\u0000').filter(Boolean),
    processTerm: (term) => term,
    boost: { ...FIELD_BOOST },
  },
};
