import { lookupEnglishWord } from '../../analyze/dictionary.js';
import { editDistance } from '../edit-distance.js';
import { glossaryIndex } from '../glossary.js';
import type { UnderstandContext } from './context.js';

/**
 * Latin names typed not quite as the corpus prints them: two letters swapped (ESTI for ETSI), or
 * one word typed as two (deep mind for DeepMind).
 */

/**
 * A word typed with two neighbouring letters swapped (ESTI for ETSI, Rasie for RAISE), or with one
 * letter left out or one too many (RAIS for RAISE, grock for Grok): the one Latin word of the
 * corpus it becomes — when a letter is added or dropped, a name the corpus prints (typed with a
 * capital, or no dictionary word: "rais" is no "raise", RAIS is RAISE). Only for a word the corpus and the dictionary do not know, in any case; never a letter
 * changed for another (Groq is another company than Grok); a three-letter word only by a swap
 * into a glossary word (lwa → law).
 */
export function swappedName(ctx: UnderstandContext, word: string, capitalized = false): string | undefined {
  if (word.length < 3 || !/^[a-z]+$/.test(word) || ctx.hasTerm?.(word) || lookupEnglishWord(word))
    return undefined;
  const found = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    const swap = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (word.length === 3 ? glossaryIndex().has(swap) : ctx.hasTerm?.(swap)) found.add(swap);
  }
  if (found.size === 0 && word.length >= 4) {
    // one letter out (grock → grok) or one letter missing (rais → raise), a name of 4+ letters
    for (let i = 0; i < word.length; i++) {
      const out = word.slice(0, i) + word.slice(i + 1);
      if (out.length >= 4 && ctx.hasTerm?.(out) && !lookupEnglishWord(out)) found.add(out);
    }
    for (const t of latinTermsOfLength(ctx, word.length + 1))
      if (editDistance(word, t, 1) === 1 && (capitalized || !lookupEnglishWord(t))) found.add(t);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

const byLength = new WeakMap<readonly string[], Map<number, string[]>>();
/** The corpus's Latin terms of one length (bucketed once per index: a question asks per word). */
function latinTermsOfLength(ctx: UnderstandContext, length: number): string[] {
  const terms = ctx.latinTerms?.();
  if (!terms) return [];
  let buckets = byLength.get(terms);
  if (!buckets) {
    buckets = new Map();
    for (const t of terms) buckets.set(t.length, [...(buckets.get(t.length) ?? []), t]);
    byLength.set(terms, buckets);
  }
  return buckets.get(length) ?? [];
}

/**
 * A name the corpus prints as one word typed as two (deep mind → DeepMind, open ai → OpenAI): the
 * two words joined, in place, when the joined word is in an item's text (a URL's host joins words
 * no sentence does: digitalservice) and no dictionary word, and
 * the glossary has no phrase of the two.
 */
export function joinSplitNames(tokens: string[], ctx: UnderstandContext): void {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const a = tokens[k] as string;
    const b = tokens[k + 1] as string;
    if (!/^[A-Za-z]+$/.test(a) || !/^[A-Za-z]+$/.test(b)) continue;
    const joined = `${a}${b}`;
    const lower = joined.toLowerCase();
    if (lower.length < 5 || !(ctx.hasTextTerm ?? ctx.hasTerm)?.(lower) || lookupEnglishWord(lower)) continue;
    if (glossaryIndex().has(`${a} ${b}`.toLowerCase())) continue;
    tokens.splice(k, 2, joined);
  }
}

/** A word in the case it was typed in (ESTI → ETSI, Rasie → Raise), for saying how it was read. */
export function inCaseOf(typed: string, word: string): string {
  if (/^[A-Z0-9]+$/.test(typed)) return word.toUpperCase();
  if (/^[A-Z]/.test(typed)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
