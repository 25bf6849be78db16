import type { SearchIndex } from '../search/index-store.js';
import { hasTerm, indexTerms, termDocCount } from '../search/scorer.js';
import { foldedText } from './filters.js';
import type { CorpusLookups } from './understand/context.js';
import { englishKeys, katakanaKey, soundKeys } from './understand/sounds-like.js';
import { foldLongVowels } from './understand/text.js';

/**
 * What understanding may look up in one index: its bilingual vocabulary, whether it holds a
 * term, its Latin names (for typos of names: antropic) and its katakana by spelling without
 * long-vowel marks (フォラム → フォーラム). The term tables are built on first use, once per index.
 */
export function corpusLookups(index: SearchIndex): CorpusLookups {
  return {
    vocabulary: index.vocabulary,
    hasTerm: (t) => hasTerm(index, t),
    hasTextTerm: (t) => termDocCount(index, t) > 0,
    latinTerms: () => latinTermsOf(index),
    katakanaLike: (folded) => katakanaByFold(index).get(folded) ?? [],
    katakanaAlone: (t) => katakanaRuns(index).has(t),
    katakanaStartingWith: (prefix) => katakanaRunList(index).filter((t) => t.startsWith(prefix)),
    katakanaSounding: (latin) => {
      const byKey = katakanaBySound(index);
      return [
        ...new Set(
          englishKeys(latin).flatMap((k) => (k.length >= MIN_PHRASE_KEY ? (byKey.get(k) ?? []) : [])),
        ),
      ];
    },
  };
}

const runCache = new WeakMap<SearchIndex, Set<string>>();
/**
 * Every katakana word the items write whole (a run of katakana between other characters; a
 * middle dot ends one), as written and as the index stems it (サーバー, サーバ).
 */
function katakanaRuns(index: SearchIndex): Set<string> {
  let runs = runCache.get(index);
  if (!runs) {
    runs = new Set();
    for (const it of index.items)
      for (const m of foldedText(it).matchAll(/[\u30a1-\u30faー]+/g)) {
        runs.add(m[0]);
        runs.add(m[0].replace(/ー+$/, ''));
      }
    runCache.set(index, runs);
  }
  return runs;
}

const runListCache = new WeakMap<SearchIndex, string[]>();
/** {@link katakanaRuns} as a list, made once per index (a prefix is looked for in all of them). */
function katakanaRunList(index: SearchIndex): string[] {
  let list = runListCache.get(index);
  if (!list) {
    list = [...katakanaRuns(index)];
    runListCache.set(index, list);
  }
  return list;
}

/** Sound keys of a few words typed together are shared by few words only from six classes on. */
const MIN_PHRASE_KEY = 6;

const soundCache = new WeakMap<SearchIndex, Map<string, string[]>>();
/** The katakana words the items write whole, by sound key (katakanaKey), long-vowel-free form. */
function katakanaBySound(index: SearchIndex): Map<string, string[]> {
  let map = soundCache.get(index);
  if (!map) {
    map = new Map();
    for (const run of katakanaRuns(index)) {
      const key = katakanaKey(run);
      if (!key || key.length < MIN_PHRASE_KEY || run.endsWith('ー')) continue;
      const list = map.get(key);
      if (list) list.push(run);
      else map.set(key, [run]);
    }
    soundCache.set(index, map);
  }
  return map;
}

/** Builds the term tables now, before an index serves: the first typo asked would wait for them. */
export function warmCorpusLookups(index: SearchIndex): void {
  soundKeys(latinTermsOf(index));
  katakanaByFold(index);
  katakanaRuns(index);
  katakanaBySound(index);
}

const latinTermCache = new WeakMap<SearchIndex, string[]>();
/** The index's Latin terms of five letters or more. */
function latinTermsOf(index: SearchIndex): string[] {
  let terms = latinTermCache.get(index);
  if (!terms) {
    terms = [];
    for (const t of indexTerms(index)) if (/^[a-z]{5,}$/.test(t)) terms.push(t);
    latinTermCache.set(index, terms);
  }
  return terms;
}

const foldCache = new WeakMap<SearchIndex, Map<string, string[]>>();
/** The index's katakana terms by their spelling without long-vowel marks. */
function katakanaByFold(index: SearchIndex): Map<string, string[]> {
  let map = foldCache.get(index);
  if (!map) {
    map = new Map();
    for (const t of indexTerms(index)) {
      if (!/^[\u30a1-\u30faー]{3,}$/.test(t)) continue;
      const f = foldLongVowels(t);
      const list = map.get(f);
      if (list) list.push(t);
      else map.set(f, [t]);
    }
    foldCache.set(index, map);
  }
  return map;
}
