import { stopwordLists } from './lexicon.js';

/** Words as a set, built once from the lexicon (`data/lexicon/stopwords.yml`). */
let sets: { tags: Set<string>; ja: Set<string>; en: Set<string> } | undefined;
function stopSets() {
  if (!sets) {
    const l = stopwordLists();
    sets = { tags: new Set(l.stop_tags), ja: new Set(l.ja), en: new Set(l.en) };
  }
  return sets;
}

/**
 * Lucene's default `stoptags.txt` for the Japanese analyzer: parts of speech that carry no
 * search meaning. Matched against the whole hyphen-joined tag, as Lucene does.
 */
export const stopTags = (): Set<string> => stopSets().tags;

/** Lucene's default Japanese `stopwords.txt` (Elasticsearch's `_japanese_`). */
export const stopWords = (): Set<string> => stopSets().ja;

/** English words that never carry search meaning in this corpus's English fragments. */
export const englishStopWords = (): Set<string> => stopSets().en;
