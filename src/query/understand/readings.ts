import { englishLemmas, lookupEnglish } from '../../analyze/dictionary.js';
import { baseForms, glossaryIndex } from '../glossary.js';
import type { UnderstandContext } from './context.js';

/**
 * An English word or phrase as the corpus's words: through the reviewed glossary, or the
 * bilingual vocabulary the index was built with. Shared by the English and Japanese readers and
 * the dictionary readings.
 */

/** The corpus terms an English word or phrase translates, through its lemmas (subsidies → subsidy). */
export function vocabularyTerms(ctx: UnderstandContext, phrase: string): string[] | undefined {
  const table = ctx.vocabulary?.english;
  if (!table) return undefined;
  const words = phrase.split(' ');
  const last = words.pop() as string;
  for (const lemma of englishLemmas(last)) {
    const hit = table.get([...words, lemma].join(' '))?.filter((t) => standsAlone(ctx, t));
    if (hit?.length) return hit;
  }
  return undefined;
}

/**
 * Whether a dictionary's Japanese for an English word is a word of the corpus of its own: not a
 * katakana word it only writes inside a longer one (roads: ロード, only in ロードマップ).
 */
export function standsAlone(ctx: UnderstandContext, term: string): boolean {
  return !/^[\u30a1-\u30faー]+$/.test(term) || ctx.katakanaAlone?.(term) !== false;
}

/**
 * The dictionary's Japanese for an English word (as looked up) that the corpus uses on its own,
 * best first: two characters or more, a term of the index, no loanword only inside a longer one.
 */
export function corpusHeadwords(ctx: UnderstandContext, english: string): string[] {
  return (
    lookupEnglish(english)?.headwords.filter(
      (h) => h.length >= 2 && ctx.hasTerm?.(h) && standsAlone(ctx, h),
    ) ?? []
  );
}

/** A glossary hit for a phrase or one of its base forms. */
export function glossaryHit(phrase: string): string[] | undefined {
  const gloss = glossaryIndex();
  return [phrase, ...baseForms(phrase)].map((f) => gloss.get(f)).find(Boolean);
}

/** What a word resolves to when it is read as another: its corpus forms and how. */
export interface Reading {
  word: string;
  forms: string[];
  source: 'glossary' | 'vocabulary';
}

/** A word's corpus forms, glossary first. */
export function readWord(ctx: UnderstandContext, word: string): Reading | undefined {
  const hit = glossaryHit(word);
  if (hit) return { word, forms: hit, source: 'glossary' };
  const vocab = vocabularyTerms(ctx, word);
  if (vocab) return { word, forms: vocab, source: 'vocabulary' };
  return undefined;
}
