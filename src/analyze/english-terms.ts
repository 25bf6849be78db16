import { createRequire } from 'node:module';

/**
 * The English analysis of the English fields (an item's English title and summary,
 * data/english/): words lowercased, English stop words dropped (stopwords-iso), plurals folded by
 * Lucene's EnglishMinimalStemmer rule (policies → policy, rules → rule, status stays). Only
 * plurals: a Porter stemmer makes "generative" and "general" one term, which in an AI-policy
 * corpus is the difference that matters. The query side folds its English words the same way.
 */

const require = createRequire(import.meta.url);
/** stopwords-iso's English list (MIT): the function and discourse words of English, 1 298 of them. */
export function isoEnglishStopwords(): readonly string[] {
  return (require('stopwords-iso/stopwords-iso.json') as { en: string[] }).en;
}
let stop: Set<string> | undefined;
function stopWords(): Set<string> {
  stop ??= new Set(isoEnglishStopwords());
  return stop;
}

/** Lucene's EnglishMinimalStemmer: the singular of a plural, and nothing else. */
export function minimalStem(word: string): string {
  const n = word.length;
  if (n < 3 || word[n - 1] !== 's') return word;
  const before = word[n - 2];
  if (before === 'u' || before === 's') return word;
  if (before === 'e') {
    if (n > 3 && word[n - 3] === 'i' && word[n - 4] !== 'a' && word[n - 4] !== 'e')
      return `${word.slice(0, -3)}y`;
    if ('iaoe'.includes(word[n - 3] ?? '')) return word;
  }
  return word.slice(0, -1);
}

/** Whether a word is an English stop word (dropped from the English fields and their queries). */
export const isEnglishStopWord = (w: string): boolean => stopWords().has(w);

/** The terms of an English text: lowercased words (hyphens split), stop words out, plurals folded. */
export function englishTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text
    .normalize('NFKC')
    .toLowerCase()
    .matchAll(/[a-z0-9]+(?:['’][a-z]+)?/g)) {
    const w = m[0].replace(/['’]s$/, '');
    if (w.length < 2 || stopWords().has(w)) continue;
    out.push(minimalStem(w));
  }
  return out;
}
