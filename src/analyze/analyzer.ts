import { joinSpacedLetters } from '../ingest/text.js';
import { decompoundKatakana } from './katakana.js';
import { tokenizerSync } from './kuromoji.js';
import { englishStopWords, stopTags, stopWords } from './stopwords.js';

/**
 * Bump when tokenization changes: the index manifest records it, and an index built by another
 * version is rebuilt at start.
 */
export const ANALYZER_VERSION = 4;

/**
 * One searchable unit of text: a Japanese noun compound, a single Japanese word, or a Latin
 * word or code. `terms` are what the index stores for it; a query matches the unit through
 * `whole` or through all of `parts`.
 */
export interface Unit {
  surface: string;
  whole: string;
  parts: string[];
  terms: string[];
  /** For Latin units: the forms a query may match (a code's joined form beats its pieces). */
  alternatives: string[];
  latin: boolean;
  /** Part of speech (品詞) of a single-word Japanese unit: a question drops its verbs (動詞). */
  pos?: string;
}

/** The `pos` of a noun kuromoji marks as usable as an adverb (副詞可能: 結局, 今回, 将来). */
export const ADVERBIAL_NOUN = '名詞-副詞可能';

/** Brackets and punctuation that kuromoji tags as unknown nouns after NFKC: separators, not words. */
const PUNCTUATION = /^[\p{P}\p{S}\s]+$/u;
/** Date and counter kanji left alone once their digits went to the Latin tokenizer. */
const LONE_NOISE = new Set(['年', '月', '日', '時', '分', '等', '的', '回', '第']);

const ASCII_WORD = /[A-Za-z0-9]+(?:[-.'’‑_][A-Za-z0-9]+)*/g;

/** Lucene's JapaneseKatakanaStemFilter: サーバー → サーバ for katakana words of 4+ characters. */
export function stemKatakana(term: string): string {
  if (term.length >= 4 && /^[\u30a0-\u30ff]+$/.test(term) && term.endsWith('ー')) return term.slice(0, -1);
  return term;
}

/** NFKC width folding, spaced capitals joined (A I S I → AISI). */
export function normalize(text: string): string {
  return joinSpacedLetters(text.normalize('NFKC'));
}

/** The middle dot separates words (アシュアランス・サンドボックス); kuromoji would glue them. */
const NAKAGURO = /[・･]/g;

function posTag(t: {
  pos: string;
  pos_detail_1: string;
  pos_detail_2: string;
  pos_detail_3: string;
}): string {
  return [t.pos, t.pos_detail_1, t.pos_detail_2, t.pos_detail_3].filter((p) => p && p !== '*').join('-');
}

/**
 * Nouns that can be glued into a compound: not pronouns, not dependent nouns, not counters, not
 * numbers — except a number written as a katakana word (ゼロトラスト, ゼロドラフト: zero trust is
 * no trust).
 */
function compoundable(t: {
  pos: string;
  pos_detail_1: string;
  pos_detail_2: string;
  surface_form: string;
}): boolean {
  if (t.pos === '接頭詞' && t.pos_detail_1 === '名詞接続') return true;
  if (t.pos !== '名詞') return false;
  if (t.pos_detail_1 === '数' && /^[\u30a1-\u30faー]{2,}$/.test(t.surface_form)) return true;
  return !['代名詞', '非自立', '数', '副詞可能'].includes(t.pos_detail_1) && t.pos_detail_2 !== '助数詞';
}

function subCompounds(parts: string[]): string[] {
  const out: string[] = [];
  const n = parts.length;
  if (n > 6) {
    for (let i = 0; i + 1 < n; i++) out.push(parts[i] + (parts[i + 1] as string));
    out.push(parts.join(''));
    return out;
  }
  for (let len = 2; len <= n; len++)
    for (let i = 0; i + len <= n; i++) out.push(parts.slice(i, i + len).join(''));
  return out;
}

function japaneseUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let compound: { surface: string; term: string }[] = [];
  const flush = () => {
    if (!compound.length) return;
    const parts = compound.map((c) => c.term).filter((p) => !stopWords().has(p));
    const surface = compound.map((c) => c.surface).join('');
    compound = [];
    if (!parts.length) return;
    if (parts.length === 1) {
      const only = parts[0] as string;
      if (LONE_NOISE.has(only)) return;
      units.push({ surface, whole: only, parts: [only], terms: [only], alternatives: [only], latin: false });
      return;
    }
    const whole = stemKatakana(parts.join(''));
    const terms = [...new Set([...parts, ...subCompounds(parts).map(stemKatakana)])];
    units.push({ surface, whole, parts, terms, alternatives: [whole], latin: false });
  };
  for (const t of tokenizerSync().tokenize(text.replace(NAKAGURO, ' '))) {
    const tag = posTag(t);
    const base = (t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form).toLowerCase();
    if (stopTags().has(tag) || t.pos === '記号' || !base.trim() || PUNCTUATION.test(t.surface_form)) {
      flush();
      continue;
    }
    const term = stemKatakana(base);
    if (compoundable(t)) {
      const pieces = t.word_type === 'UNKNOWN' ? decompoundKatakana(t.surface_form) : [t.surface_form];
      if (pieces.length > 1)
        for (const p of pieces) compound.push({ surface: p, term: stemKatakana(p.toLowerCase()) });
      else compound.push({ surface: t.surface_form, term });
      continue;
    }
    flush();
    if (stopWords().has(base) || stopWords().has(t.surface_form) || LONE_NOISE.has(base)) continue;
    if (t.pos === '名詞' && ['数', '非自立', '代名詞'].includes(t.pos_detail_1)) continue;
    if (t.pos_detail_2 === '助数詞') continue;
    units.push({
      surface: t.surface_form,
      whole: term,
      parts: [term],
      terms: [term],
      alternatives: [term],
      latin: false,
      // (a noun used as an adverb — 結局, 今回 — is told apart: a question's 結局 asks nothing)
      pos: t.pos === '名詞' && t.pos_detail_1 === '副詞可能' ? ADVERBIAL_NOUN : t.pos,
    });
  }
  flush();
  return units;
}

/**
 * Latin words and codes. Codes stay findable whatever their spacing or case: `SB53`, `sb 53`
 * and `SB 53` all yield `sb53`; `NIST AI 800-2` yields `800-2`, `8002` and `ai8002`;
 * `EN 304 223` yields `en304223`.
 */
function latinUnits(words: string[]): Unit[] {
  const units: Unit[] = [];
  const lower = words.map((w) => w.toLowerCase().replace(/[’‑]/g, (c) => (c === '‑' ? '-' : "'")));
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i] as string;
    const terms = new Set<string>();
    let code: string | undefined;
    const squashed = w.replace(/[-.'_]/g, '');
    const isNumber = /^\d+$/.test(squashed);
    const mixed = /[a-z]/.test(w) && /\d/.test(w);
    if (!englishStopWords().has(w) && !(isNumber && squashed.length < 3) && squashed.length > 1) {
      terms.add(w);
      if (squashed !== w) terms.add(squashed);
    }
    if (mixed) {
      // SB53 → sb, 53 as well, so "SB 53" and "SB53" meet.
      for (const piece of w.match(/[a-z]+|\d+/g) ?? []) if (piece.length > 1) terms.add(piece);
    }
    // A short letter word followed by numbers is a code: sb 53 → sb53; en 304 223 → en304, en304223.
    if (/^[a-z]{1,5}$/.test(w)) {
      let joined = w;
      for (let j = i + 1; j < lower.length && /^\d/.test(lower[j] as string); j++) {
        joined += (lower[j] as string).replace(/[-.]/g, '');
        terms.add(joined);
        code = joined;
      }
    }
    if (terms.size) {
      const whole = terms.has(w) ? w : ([...terms][0] as string);
      const alternatives = code
        ? [code]
        : mixed
          ? [squashed]
          : [...new Set([w, squashed])].filter((t) => terms.has(t));
      units.push({
        surface: words[i] as string,
        whole,
        parts: [whole],
        terms: [...terms],
        alternatives,
        latin: true,
      });
    }
  }
  return units;
}

/**
 * Splits text into {@link Unit}s: Latin runs are handled here (kuromoji's dictionary knows
 * little English), everything else by kuromoji with Lucene's JapaneseAnalyzer chain.
 */
export function analyze(text: string): Unit[] {
  const norm = normalize(text);
  const units: Unit[] = [];
  let last = 0;
  let latinRun: string[] = [];
  const flushLatin = () => {
    if (latinRun.length) units.push(...latinUnits(latinRun));
    latinRun = [];
  };
  for (const m of norm.matchAll(ASCII_WORD)) {
    const start = m.index ?? 0;
    const between = norm.slice(last, start);
    if (/^[\s\-/]*$/.test(between) && latinRun.length) {
      latinRun.push(m[0]);
    } else {
      flushLatin();
      if (between.trim()) units.push(...japaneseUnits(between));
      latinRun = [m[0]];
    }
    last = start + m[0].length;
  }
  flushLatin();
  const tail = norm.slice(last);
  if (tail.trim()) units.push(...japaneseUnits(tail));
  return units;
}

/** The index-time tokenizer: every term of every unit. */
export function tokenize(text: string): string[] {
  return analyze(text).flatMap((u) => u.terms);
}
