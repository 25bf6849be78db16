import { stemKatakana } from '../analyze/analyzer.js';
import { isoEnglishStopwords } from '../analyze/english-terms.js';
import { glossaryEntries, questionWords } from '../analyze/lexicon.js';

/**
 * Lookups over the bilingual lexicon (`data/lexicon/glossary.yml`, `question-words.yml`), built
 * once on first use. The words themselves are data; this module only indexes them.
 */

let sets:
  | {
      question: Set<string>;
      reviewed: Set<string>;
      weak: Set<string>;
      ja: Set<string>;
      honorifics: Set<string>;
      heads: Set<string>;
      kindHeads: Set<string>;
      nameEnds: Set<string>;
      headsEn: Set<string>;
      joints: Set<string>;
      timeSuffixes: Set<string>;
      hyphenSuffixes: Set<string>;
      verbTakers: Set<string>;
      genericBodies: Set<string>;
    }
  | undefined;
/** Words and their katakana stems as the index writes them (セミナー and セミナ). */
function withStems(words: readonly string[]): Set<string> {
  return new Set([...words, ...words.map(stemKatakana)]);
}

function wordSets() {
  if (!sets) {
    const q = questionWords();
    const content = new Set(q.en_content);
    sets = {
      question: new Set([
        ...q.en,
        ...q.en_conversational,
        ...isoEnglishStopwords().filter((w) => !content.has(w)),
      ]),
      reviewed: new Set(q.en),
      weak: new Set(q.weak),
      ja: new Set(q.ja),
      honorifics: new Set(q.honorifics),
      heads: withStems(q.generic_heads),
      kindHeads: withStems(q.ja_kind_heads),
      nameEnds: withStems([...q.ja_name_ends, ...q.ja_kind_heads]),
      headsEn: new Set(q.generic_heads_en),
      hyphenSuffixes: new Set(q.en_hyphen_suffixes),
      verbTakers: new Set(q.en_verb_takers),
      genericBodies: new Set(q.generic_bodies),
      joints: new Set(q.ja_joints),
      timeSuffixes: new Set(q.ja_time_suffixes),
    };
  }
  return sets;
}

/** Words for a kind of body (regulator, 当局) that only rank beside a body named by its own name. */
export const genericBodySet = (): Set<string> => wordSets().genericBodies;
/** Words after which the next word is a verb (allowed to air, need replacing). */
export const verbTakerSet = (): Set<string> => wordSets().verbTakers;
/** Hyphenated words' last parts that are filler (amazon-style: -style). */
export const hyphenSuffixSet = (): Set<string> => wordSets().hyphenSuffixes;
/** Words that make a sentence a question, not a search term. */
export const questionWordSet = (): Set<string> => wordSets().question;
/**
 * Terms so common in an AI-policy corpus that they only narrow a search when nothing else does:
 * "AI", "policy", and the generic verbs of news ("what did Korea publish in December" asks about
 * Korea in December; the verb ranks the answer, it does not filter it).
 */
export const weakTermSet = (): Set<string> => wordSets().weak;
/** Japanese words of a question that ask rather than describe (何, 教えて, まとめて, 出典…). */
export const jaQuestionTermSet = (): Set<string> => wordSets().ja;
/** Suffixes of respect after a name (さん, 氏, 様): 平本さん is searched as 平本. */
export const honorificSet = (): Set<string> => wordSets().honorifics;
/**
 * The reviewed English question and function words (`en` of question-words.yml, without the
 * stop-word package's): the ones everyone expects skipped, never a code's letters (of, with).
 */
export const reviewedQuestionWordSet = (): Set<string> => wordSets().reviewed;
/** Words joining two subjects inside a Japanese compound (向け, づくり): the compound is read as both. */
export const jointSet = (): Set<string> => wordSets().joints;
/** Time words ending a Japanese compound (施行後 → 施行): see `ja_time_suffixes`. */
export const timeSuffixSet = (): Set<string> => wordSets().timeSuffixes;
/** Generic last parts of a Japanese compound (制度, 関連): the compound also matches without them. */
export const genericHeadSet = (): Set<string> => wordSets().heads;
/** Last parts of a Japanese compound naming a kind of event, paper or body (会合, 当局). */
export const kindHeadSet = (): Set<string> => wordSets().kindHeads;
/** Last words of a dotted katakana name (フォーラム, ミッション): see `ja_name_ends`. */
export const nameEndSet = (): Set<string> => wordSets().nameEnds;
/** English nouns after a subject that say what kind of thing it is (apps, services): they only rank. */
export const genericHeadEnSet = (): Set<string> => wordSets().headsEn;

let index: Map<string, string[]> | undefined;

/** The glossary as a lookup from an English word or phrase (lowercase) to its Japanese forms. */
export function glossaryIndex(): Map<string, string[]> {
  if (index) return index;
  index = new Map();
  for (const { en, ja } of glossaryEntries()) {
    for (const e of en) index.set(e, [...new Set([...(index.get(e) ?? []), ...ja])]);
  }
  return index;
}

/** English singular/base forms to try when a word is not in the glossary as written. */
export function baseForms(word: string): string[] {
  const out = [word];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
  // (a one-syllable stem ending consonant-vowel-consonant doubles its last letter: scraped and
  // scraping are of scrape, never of scrap — scrapped, scrapping)
  const undoubled = (stem: string) => /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(stem);
  if (word.endsWith('ed'))
    out.push(...(undoubled(word.slice(0, -2)) ? [] : [word.slice(0, -2)]), word.slice(0, -1));
  if (word.endsWith('ing'))
    out.push(...(undoubled(word.slice(0, -3)) ? [] : [word.slice(0, -3)]), `${word.slice(0, -3)}e`);
  if (word.endsWith("'s")) out.push(word.slice(0, -2));
  return out;
}
