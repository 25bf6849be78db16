import { isEnglishWord } from '../analyze/dictionary.js';
import { actorsById } from '../analyze/lexicon.js';
import type { SearchIndex } from '../search/index-store.js';
import { anyMatch, ItemScores as GroupScores, scoreAnd, scoreOr, type WordMatch } from '../search/scorer.js';
import { facets } from './facets.js';
import { type FilterStage, foldedText } from './filters.js';
import type { TermGroup } from './understand.js';

export { GroupScores };

/**
 * The candidates stage: each concept of the question scored over the items the filters admit
 * (MiniSearch's BM25 through src/search/scorer.ts, each concept by its best alternative), and
 * judged on the whole corpus: whether any item uses it at all (`present`), which the decide stage
 * needs to tell a concept the corpus lacks from one the filters only hide.
 */
export interface ConceptMatches {
  perGroup: Map<TermGroup, GroupScores>;
  /** Items scored by the whole compounds of the question (人工知能基本計画): ranking only. */
  wholeScores: GroupScores;
}

const KATAKANA_LONG = /^[\u30a1-\u30faー]{5,}$/;

/**
 * Fuzzy matching only for long Latin words, where a typo or plural is likely and harmless; for a
 * word the dictionary knows, only its other endings (regulating ~ regulation; see WordMatch):
 * "religion" is no typo of "region", nor "insurance" of "assurance", and an answer through them
 * is about something else.
 */
export const fuzzy = (term: string): number | false | WordMatch =>
  /^[a-z]{6,}$/.test(term) ? (isEnglishWord(term) ? DICTIONARY_WORD : 0.2) : false;
const DICTIONARY_WORD: WordMatch = { within: 0.2, isWord: isEnglishWord };
const exact = (_term: string) => false as const;
/** {@link fuzzy}, and one edit for long katakana words (the retry for a concept not found as typed). */
const katakanaFuzzy = (term: string) => (KATAKANA_LONG.test(term) ? 1 : fuzzy(term));

/** Scores every concept of the question (see {@link ConceptMatches}). */
export function matchConcepts(
  index: SearchIndex,
  groups: readonly TermGroup[],
  stage: FilterStage,
  rank: readonly string[] = [],
): ConceptMatches {
  const actors = actorsById();
  const { gate, admits } = stage;
  const perGroup = new Map<TermGroup, GroupScores>();
  // Beside a specific word a generic one (AI) would only add a little rank, and scoring it over
  // every item is the slowest part of a query on a large corpus: it is not searched then.
  // (Specific words are searched first: when none is in the corpus, the generic ones still pick
  // the suggestions.)
  const ordered = [...groups].sort((a, b) => Number(a.weak) - Number(b.weak));
  for (const g of ordered) {
    const best = new GroupScores(index.items.length);
    const specificFound = [...perGroup].some(([h, m]) => !h.weak && !h.agency && m.present);
    if (g.weak && specificFound) {
      best.present = true;
      perGroup.set(g, best);
      continue;
    }
    // An instrument word matches the items of that type; an actor's words its own section's items.
    const categories = g.actor ? (actors.get(g.actor)?.categories ?? []) : [];
    const typed = Boolean(g.instrument) || categories.length > 0;
    // Those items rank with the best and the weakest textual match in the whole corpus, so such a
    // group is scored over every item.
    const groupGate = typed ? undefined : gate;
    // A place's names match exactly: one edit turns Kawasaki into Nagasaki.
    const fuzzyOf = g.place ? exact : fuzzy;
    for (const alt of g.alternatives) {
      // A law's name written together (AI法) is that law where the two are written together, not
      // any item saying "AI" somewhere and "法" somewhere else (the Digital Services Act item).
      const joined = lawNameCompound(alt);
      if (joined) {
        let found = 0;
        scoreAnd(index, alt, exact, groupGate, (pos, score) => {
          if (!writesTogether(index, pos, joined)) return;
          found++;
          best.keepMax(pos, score);
        });
        if (found > 0 || (groupGate && !best.present && anyWritesTogether(index, alt, joined)))
          best.present = true;
        continue;
      }
      const found = scoreAnd(index, alt, fuzzyOf, groupGate, best.keepMax);
      // Used somewhere in the corpus, though perhaps not by an item the filters admit (asked only
      // until one alternative is known to be: the corpus-wide look is the costly part).
      if (found > 0 || (groupGate && !best.present && anyMatch(index, alt, fuzzyOf))) {
        best.present = true;
        continue;
      }
      // A katakana word the corpus never spells that way (インジェクッション, マネージメント) is a
      // typo or a variant: one edit away, as MiniSearch's fuzzy search allows — alone or as a
      // part of a compound.
      if (g.place || !alt.some((t) => KATAKANA_LONG.test(t))) continue;
      const typo = scoreAnd(index, alt, katakanaFuzzy, groupGate, best.keepMax);
      if (typo > 0 || (groupGate && !best.present && anyMatch(index, alt, katakanaFuzzy)))
        best.present = true;
    }
    // An item of the asked type ranks with the best textual match; its own section's items with the weakest.
    if (typed) {
      const top = best.size ? best.max() : 1;
      const floor = best.size ? best.min() : 1;
      // Only admitted items are ranked; any item of the type makes the concept one the corpus has.
      const f = facets(index);
      const ofType = g.instrument ? (f.instrument.get(g.instrument) ?? []) : [];
      const ofCategory = categories.flatMap((c) => f.category.get(c) ?? []);
      for (const pos of ofType) if (admits(pos)) best.keepMax(pos, top);
      const typedPos = new Set(ofType);
      for (const pos of ofCategory) if (!typedPos.has(pos) && admits(pos)) best.keepMax(pos, floor);
      if (ofType.length || ofCategory.length) best.present = true;
    }
    perGroup.set(g, best);
  }
  const wholes = [...new Set([...groups.flatMap((g) => g.boost), ...rank])];
  const wholeScores = new GroupScores(index.items.length);
  if (wholes.length) scoreOr(index, wholes, fuzzy, gate, wholeScores.keepMax);
  return { perGroup, wholeScores };
}

/** The positions some concept scored that the filters admit, ascending (corpus order). */
export function matchedCandidates(
  groupScores: readonly (GroupScores | undefined)[],
  n: number,
  admitted: Uint8Array | undefined,
): Int32Array {
  const seen = new Uint8Array(n);
  let count = 0;
  for (let g = 0; g < groupScores.length; g++) {
    const at = groupScores[g]?.at;
    if (!at) continue;
    for (let k = 0; k < at.length; k++) {
      const pos = at[k] as number;
      if (seen[pos] === 0 && (admitted === undefined || admitted[pos] === 1)) {
        seen[pos] = 1;
        count++;
      }
    }
  }
  const out = new Int32Array(count);
  let i = 0;
  for (let pos = 0; pos < n && i < count; pos++) if (seen[pos] === 1) out[i++] = pos;
  return out;
}

/** Every position the filters admit, ascending. */
export function admittedCandidates(n: number, admitted: Uint8Array | undefined): Int32Array {
  let count = 0;
  for (let pos = 0; pos < n; pos++) if (admitted === undefined || admitted[pos] === 1) count++;
  const out = new Int32Array(count);
  let i = 0;
  for (let pos = 0; pos < n; pos++) if (admitted === undefined || admitted[pos] === 1) out[i++] = pos;
  return out;
}

/**
 * The name of a law as written together, when an alternative is a name and the word for a law
 * (["ai", "法"] of AI法, the AI Act): what an item must write as one word to be about that law.
 */
function lawNameCompound(alt: readonly string[]): string | undefined {
  if (alt.length !== 2 || alt[1] !== '法') return undefined;
  return `${alt[0]}法`;
}

const joinedTexts = new WeakMap<object, string>();
/** An item's {@link foldedText}, lowercase, without spaces or middle dots. */
function joinedTextOf(index: SearchIndex, pos: number): string {
  const it = index.items[pos];
  if (!it) return '';
  let text = joinedTexts.get(it);
  if (text === undefined) {
    text = foldedText(it)
      .toLowerCase()
      .replace(/[\s・]+/g, '');
    joinedTexts.set(it, text);
  }
  return text;
}

function writesTogether(index: SearchIndex, pos: number, joined: string): boolean {
  return joinedTextOf(index, pos).includes(joined);
}

/** Whether any item of the corpus (not only the admitted ones) writes the name together. */
function anyWritesTogether(index: SearchIndex, alt: string[], joined: string): boolean {
  let any = false;
  scoreAnd(index, alt, exact, undefined, (pos) => {
    if (!any && writesTogether(index, pos, joined)) any = true;
  });
  return any;
}
