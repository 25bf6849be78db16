import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { projectRoot } from '../util/paths.js';

/**
 * The bilingual dictionary: a subset of JMdict/EDICT (EDRDG, CC BY-SA; data/dictionary/README.md)
 * committed as two sorted tables (src/analyze/dictionary-build.ts makes them). It is what lets a
 * question's word that no hand-written entry knows be understood: "subsidies" → 補助, 交付金…;
 * "drone" → ドローン (and, when no item uses it, "Nothing about drones (ドローン)").
 *
 * Each table is read once, lazily, as one string with an array of line offsets, and searched by
 * binary search: a few tens of milliseconds and ~10 MB instead of a map of 190 000 entries.
 */

export interface JapaneseEntry {
  headword: string;
  /** A common word (JMdict's priority marks). */
  common: boolean;
  /** English glosses per sense, in the dictionary's order. */
  senses: string[][];
}

export interface EnglishEntry {
  /** The gloss as looked up (lowercase). */
  gloss: string;
  /** Japanese headwords it translates, best first. */
  headwords: string[];
  /** The best katakana loanword among them, if any (all → オール). */
  katakana?: string;
}

interface Table {
  text: string;
  /** Start offset of each line. */
  starts: Int32Array;
}

/** Where the tables are: `data/dictionary/`, or `POLICY_BOT_DICTIONARY_DIR`. */
export function dictionaryDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.POLICY_BOT_DICTIONARY_DIR ?? join(projectRoot(), 'data', 'dictionary');
}

const tables = new Map<string, Table>();
function table(name: string): Table {
  const path = join(dictionaryDir(), name);
  let t = tables.get(path);
  if (t) return t;
  let text: string;
  try {
    text = gunzipSync(readFileSync(path)).toString('utf8');
  } catch (err) {
    throw new Error(
      `policy-bot: dictionary ${path}: ${(err as Error).message} (regenerate it with scripts/build-dictionary.ts)`,
    );
  }
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  const starts = new Int32Array(lines);
  let at = 0;
  let n = 0;
  for (let i = 0; i < text.length && n < lines; i++) {
    if (text.charCodeAt(i) === 10) {
      starts[n++] = at;
      at = i + 1;
    }
  }
  t = { text, starts };
  tables.set(path, t);
  return t;
}

/** The line whose first field is `key`, by binary search, or undefined. */
function find(t: Table, key: string): string[] | undefined {
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const start = t.starts[mid] as number;
    const tab = t.text.indexOf('\t', start);
    const k = t.text.slice(start, tab);
    if (k === key) {
      const end = t.text.indexOf('\n', tab);
      return t.text.slice(start, end).split('\t');
    }
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** A Japanese word's English senses, or undefined when the dictionary subset has no such noun. */
export function lookupJapanese(word: string): JapaneseEntry | undefined {
  const row = find(table('ja-en.tsv.gz'), word);
  if (!row) return undefined;
  return {
    headword: word,
    common: row[1] === 'P',
    senses: (row[2] ?? '').split(';').map((s) => s.split('|')),
  };
}

/**
 * A corpus term's English senses: as {@link lookupJapanese}, and for a katakana term the index
 * stemmed (サーバ) as the dictionary writes it (サーバー).
 */
export function lookupJapaneseTerm(term: string): JapaneseEntry | undefined {
  return lookupJapanese(term) ?? (/[\u30a0-\u30ff]$/.test(term) ? lookupJapanese(`${term}ー`) : undefined);
}

/**
 * Whether a dictionary headword is an abbreviation in Latin letters (ＯＴ for occupational
 * therapist): no Japanese for the word, and it collides with the corpus's own acronyms.
 */
export function isLatinHeadword(headword: string): boolean {
  return /^[A-Za-z]+$/.test(headword.normalize('NFKC'));
}

/** The Japanese for an English gloss (lowercase, as typed or as a lemma), or undefined. */
export function lookupEnglish(gloss: string): EnglishEntry | undefined {
  const key = gloss.toLowerCase();
  const row = find(table('en-ja.tsv.gz'), key);
  if (!row) return undefined;
  return {
    gloss: key,
    headwords: (row[1] ?? '').split('|').filter(Boolean),
    ...(row[2] ? { katakana: row[2] } : {}),
  };
}

/**
 * The dictionary forms an English word may stand for, most likely first: itself, then its
 * singular and its stem without -ing/-ed (subsidies → subsidy, watermarking → watermark, rated →
 * rate). A light, dictionary-checked inflection rule rather than a Porter stemmer: Porter makes
 * "generative" and "general" one stem, which in an AI-policy corpus is the difference that matters.
 */
export function englishLemmas(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const add = (s: string) => {
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  };
  if (w.endsWith('ies') && w.length > 4) add(`${w.slice(0, -3)}y`);
  if (/(?:s|x|z|ch|sh)es$/.test(w)) add(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) add(w.slice(0, -1));
  if (w.endsWith("'s")) add(w.slice(0, -2));
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix) || w.length < suffix.length + 3) continue;
    const stem = w.slice(0, -suffix.length);
    add(stem);
    add(`${stem}e`);
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) add(stem.slice(0, -1));
    if (suffix === 'ed' && stem.endsWith('i')) add(`${stem.slice(0, -1)}y`);
    // The noun of the act (interpreting → interpretation, regulating → regulation): dictionaries
    // gloss Japanese nouns with nouns.
    add(`${stem}ation`);
    add(`${stem}ion`);
  }
  // A singular typed where the dictionary glosses a plural (fishery → fisheries).
  if (/[^aeiou]y$/.test(w)) add(`${w.slice(0, -1)}ies`);
  else if (!w.endsWith('s')) add(`${w}s`);
  // A verb typed where the dictionary glosses the act (screen → screening, forecast → forecasting).
  // …also for a plural typed (captions → captioning, farms → farming).
  const single = /[^s]s$/.test(w) && !/(?:us|is|ies|ings)$/.test(w) ? w.slice(0, -1) : w;
  if (/^[a-z]{4,}$/.test(single) && !/(?:ing|ed|s)$/.test(single))
    add(single.endsWith('e') ? `${single.slice(0, -1)}ing` : `${single}ing`);
  return out;
}

/** The first lemma of `word` the English table has, with its entry. */
export function lookupEnglishWord(word: string): EnglishEntry | undefined {
  for (const lemma of englishLemmas(word)) {
    const e = lookupEnglish(lemma);
    if (e) return e;
  }
  return undefined;
}

/**
 * Whether an English word (or a form of it) is in the dictionary or WordNet: a real word, which
 * another real word a letter or two away inside is not a typo of.
 */
export function isEnglishWord(word: string): boolean {
  // (asked for every long word of a question and every fuzzy variant of it: remembered)
  let known = englishWords.get(word);
  if (known === undefined) {
    const r = lookupEnglishWord(word) ? undefined : relatedForms(word);
    known = r === undefined || r.synonyms.length > 0 || r.derived.length > 0;
    if (englishWords.size >= 50_000) englishWords.clear();
    englishWords.set(word, known);
  }
  return known;
}
const englishWords = new Map<string, boolean>();

/**
 * The words WordNet relates to an English word in its main senses, closest first (car →
 * automobile, auto; farm → farming; deaf → deafness), through its first lemma the table has; []
 * when none. From data/dictionary/en-related.tsv.gz (WordNet 3.1, src/analyze/related-build.ts):
 * what lets a question's everyday word reach a corpus term whose dictionary gloss is another
 * word for the same thing. A directory without the table (a dictionary emptied for a bench) has
 * no relations.
 */
export function relatedWords(word: string): string[] {
  const r = relatedForms(word);
  return [...r.synonyms, ...r.derived];
}

/** What WordNet relates to a word, apart: synonyms in a main sense, and derived forms. */
export interface RelatedForms {
  /** The lemma the table had (farms → farm). */
  lemma: string;
  synonyms: string[];
  /** Derivational links: farm → farming, but also student → study (checked by the reader). */
  derived: string[];
}

/** {@link relatedWords}, synonyms and derived forms apart. */
export function relatedForms(word: string): RelatedForms {
  const t = optionalTable('en-related.tsv.gz');
  const none = { lemma: word.toLowerCase(), synonyms: [], derived: [] };
  if (!t) return none;
  const cell = (c: string | undefined) => (c ?? '').split('|').filter(Boolean);
  for (const lemma of englishLemmas(word)) {
    const row = find(t, lemma);
    if (row) return { lemma, synonyms: cell(row[1]), derived: cell(row[2]) };
  }
  return none;
}

const absent = new Set<string>();
/** A table a dictionary directory may lack (looked for once per path, not on every word). */
function optionalTable(name: string): Table | undefined {
  const path = join(dictionaryDir(), name);
  if (absent.has(path)) return undefined;
  if (tables.has(path) || existsSync(path)) return table(name);
  absent.add(path);
  return undefined;
}

/**
 * Reads both tables now (≈0.1 s each, once per process) rather than on the first word the
 * corpus lacks: callers with a clock running (a question's time budget, the first answer after
 * a start) load them before it starts.
 */
export function loadDictionaryTables(): void {
  table('ja-en.tsv.gz');
  table('en-ja.tsv.gz');
  optionalTable('en-related.tsv.gz');
}

/** Forgets the loaded tables (tests that point `POLICY_BOT_DICTIONARY_DIR` elsewhere). */
export function resetDictionary(): void {
  tables.clear();
  absent.clear();
  englishWords.clear();
}
