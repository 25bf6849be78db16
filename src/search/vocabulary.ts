import { lookupJapaneseTerm } from '../analyze/dictionary.js';
import { tokenizerSync } from '../analyze/kuromoji.js';

/**
 * The corpus's bilingual vocabulary: every English gloss the dictionary gives for a Japanese term
 * the corpus uses, → those terms. Built with the index from the terms the items were analyzed
 * into (so `policy-bot add` of a month with new words extends it by itself, with no download and
 * no hand-written entry), saved in index/vocabulary.json, and read by the query's understanding:
 * an English word with no glossary entry is looked up here before it is called missing.
 *
 * Only a term's first senses count: JMdict lists 機関's "trick" and "string puppet" too, and a
 * question about tricks is not one about agencies.
 */
export interface Vocabulary {
  /** English gloss (lowercase) → corpus terms it translates, best first. */
  english: Map<string, string[]>;
  /**
   * Reading (katakana) → the corpus's kanji compounds read that way: what a kanji typo typed
   * by ear or by a wrong conversion (人口知能, 規本法) was meant to be (人工知能, 基本法).
   */
  readings: Map<string, string[]>;
}

const KANJI = /[\u3400-\u9fff]/;

/** A Japanese word's reading as kuromoji gives it (katakana), or undefined when a part has none. */
export function readingOf(word: string): string | undefined {
  let out = '';
  for (const t of tokenizerSync().tokenize(word)) {
    if (!t.reading || t.reading === '*') return undefined;
    out += t.reading;
  }
  return out || undefined;
}

/** Senses of a term whose glosses link it: the first, and the second (機関: engine; agency…). */
const SENSES = 2;
/** Glosses per sense: the later ones are explanations more than words. */
const GLOSSES = 3;
/** Shortest Japanese term linked by every gloss: one kanji (法, 案) is too ambiguous to be, by a word. */
const MIN_LENGTH = 2;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
/** Rank of a two-word gloss's last word: a link kept only where no term glosses the word itself. */
const HEAD_RANK = 100;
/** A head word worth linking: a word of four letters or more (not "of", "act", "law"). */
const HEAD = /^[a-z]{4,}$/;

/**
 * The vocabulary of a set of index terms (every field's terms of every item). Deterministic: the
 * same terms give the same table, whatever their order.
 */
export function buildVocabulary(terms: Iterable<string>): Vocabulary {
  const links = new Map<string, Map<string, number>>();
  const seen = new Set<string>();
  for (const term of terms) {
    if (seen.has(term)) continue;
    seen.add(term);
    // (One kanji — 船, 海, 税 — was tried by its one-word first gloss: it answered must-be-empty
    // questions on the tune sets through one-character words of other meanings. Only its two-word
    // glosses link it, below.)
    if (!JAPANESE.test(term)) continue;
    // Katakana terms are indexed stemmed (サーバー → サーバ); the dictionary writes the long vowel.
    const entry = lookupJapaneseTerm(term);
    if (!entry) continue;
    const link = (key: string, rank: number) => {
      const byTerm = links.get(key) ?? new Map<string, number>();
      byTerm.set(term, Math.min(byTerm.get(term) ?? rank, rank));
      links.set(key, byTerm);
    };
    // …but a one-kanji term's first-sense glosses of two words say one thing ("train station": 駅)
    if (term.length < MIN_LENGTH) {
      if (KANJI.test(term))
        (entry.senses[0] ?? []).slice(0, GLOSSES).forEach((gloss, g) => {
          if (gloss.split(' ').length === 2 && gloss === gloss.toLowerCase()) link(gloss, g);
        });
      continue;
    }
    // A term its first sense glosses with a word of its own (文科: "liberal arts; humanities") is
    // that word, not a kind of its glosses' last words.
    const named = (entry.senses[0] ?? []).some((g) => !g.includes(' '));
    entry.senses.slice(0, SENSES).forEach((sense, s) => {
      sense.slice(0, GLOSSES).forEach((gloss, g) => {
        const key = gloss.toLowerCase();
        link(key, s * 10 + g);
        // "health care" is also typed "healthcare". (The words of a gloss alone are not linked:
        // "school year" would make 年度 an answer about schools.)
        const words = key.split(' ');
        if (words.length === 2) link(words.join(''), s * 10 + g);
        // "National Tax Agency" is asked as "the tax agency": a three-word gloss's last two words.
        if (words.length === 3) link(words.slice(1).join(' '), 50 + s * 10 + g);
        // "dressed carcass" (枝肉), "water pipe" (水道管): the last word names what the term is, so a
        // question with that word alone finds it — but only when no term says the word itself.
        // (First sense only, and no loanword: ソウル's "soul music" is no word for music.)
        // (Nor a name: 内閣府's "Cabinet Office" is no word for offices.)
        if (
          s === 0 &&
          !named &&
          words.length === 2 &&
          gloss === key &&
          HEAD.test(words[1] as string) &&
          KANJI.test(term)
        )
          link(words[1] as string, HEAD_RANK + g);
      });
    });
  }
  const readingLinks = new Map<string, Set<string>>();
  for (const term of seen) {
    // Compounds of two kanji or more: a one-kanji word shares its reading with dozens of others.
    if (term.length < 2 || !KANJI.test(term) || [...term].filter((c) => KANJI.test(c)).length < 2) continue;
    const reading = readingOf(term);
    if (!reading || reading.length < 3) continue;
    const set = readingLinks.get(reading) ?? new Set<string>();
    set.add(term);
    readingLinks.set(reading, set);
  }
  const readings = new Map<string, string[]>();
  for (const key of [...readingLinks.keys()].sort())
    readings.set(key, [...(readingLinks.get(key) as Set<string>)].sort());
  const english = new Map<string, string[]>();
  for (const key of [...links.keys()].sort()) {
    const all = links.get(key) as Map<string, number>;
    const direct = [...all.values()].some((r) => r < HEAD_RANK);
    const byTerm = new Map([...all].filter(([, r]) => !direct || r < HEAD_RANK));
    english.set(
      key,
      [...byTerm].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([t]) => t),
    );
  }
  return { english, readings };
}

/** The vocabulary as index/vocabulary.json holds it (sorted keys: same data, same bytes). */
export function encodeVocabulary(v: Vocabulary): string {
  return `${JSON.stringify({ english: [...v.english], readings: [...v.readings] })}\n`;
}

/** {@link encodeVocabulary}'s text back; throws on anything else. */
export function decodeVocabulary(text: string): Vocabulary {
  const parsed = JSON.parse(text) as { english?: unknown; readings?: unknown };
  const table = (rows: unknown, name: string): Map<string, string[]> => {
    if (!Array.isArray(rows)) throw new Error(`no ${name} table`);
    const map = new Map<string, string[]>();
    for (const row of rows) {
      if (!Array.isArray(row) || typeof row[0] !== 'string' || !Array.isArray(row[1]))
        throw new Error(`malformed ${name} row`);
      map.set(row[0], row[1] as string[]);
    }
    return map;
  };
  return { english: table(parsed.english, 'english'), readings: table(parsed.readings, 'readings') };
}
