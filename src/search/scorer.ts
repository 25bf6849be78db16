import type { Query } from 'minisearch';
import type { SearchIndex } from './index-store.js';

/**
 * MiniSearch's BM25 scores, computed straight from its postings into arrays indexed by item
 * position, without its per-match result objects.
 *
 * `index.mini.search(query)` builds, for every document that contains a query term, a result
 * object with the matched terms and fields, merges those objects across terms, then sorts them;
 * the query layer only needs each item's score. On the 10 000-item bench corpus that bookkeeping
 * (and the garbage it leaves) was most of a question's time. This module runs the same
 * arithmetic, in the same order, on the same postings, so every score is bit-for-bit the one
 * MiniSearch gives (a test compares them over the vocabulary), and it can skip items a
 * question's filters rule out before scoring them (as `onlyItems` does for MiniSearch itself).
 *
 * It reads MiniSearch 7's internals. When the index is one it does not model (options it does
 * not replicate, documents discarded but not yet vacuumed, items and documents that do not
 * correspond one to one), every call falls back to `mini.search` and gives the same answers,
 * only slower.
 */

/**
 * Fuzziness per query term, as MiniSearch's `fuzzy` search option takes it — or, per term, a
 * {@link WordMatch}: only the variants that are the word's own forms.
 */
export type Fuzzy = number | false | ((term: string) => number | boolean | WordMatch);

/**
 * How a real English word (not a name or a code) is matched: fuzzy variants (`within`, as
 * MiniSearch's fuzzy) only when they are the same word with another ending (regulating ~
 * regulation, evaluations ~ evaluate), never another word a letter or two away (religion ~
 * region, concerts ~ concerns, insurance ~ assurance).
 * (Skipping the words of URLs too was measured: energy.gov and …/model-law… are what "energy
 * department" and "model law" questions are answered by.)
 */
export interface WordMatch {
  within: number;
  /** Whether an index term is a real word (not a name or a misprint): only then is it refused. */
  isWord: (term: string) => boolean;
}
type Fuzziness = number | boolean | WordMatch;

/** A term's postings: field id → (document short id → term frequency). */
type TermData = Map<number, Map<number, number>>;

/** The parts of a MiniSearch 7 instance read here. */
interface Internals {
  _index: {
    get(term: string): TermData | undefined;
    keys(): Iterable<string>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
  };
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _options: { fields: string[]; searchOptions?: Record<string, unknown> };
}

/**
 * Search options whose effect is replicated (their values are read from the index), or that
 * every call here overrides (`fuzzy`, `combineWith`), or that must hand terms over unchanged
 * (`tokenize`, `processTerm`, checked). Any other option (`boostDocument`, `filter`, `prefix`
 * switched on…) sends the index down the slow path.
 */
const MODELLED = new Set([
  'tokenize',
  'processTerm',
  'boost',
  'fuzzy',
  'combineWith',
  'maxFuzzy',
  'weights',
  'bm25',
  'prefix',
]);

/** What one index needs for scoring, computed once per index. */
interface Prepared {
  mini: Internals;
  /** Whether the fast path models this index (see the module comment). */
  exact: boolean;
  /** Document short id → item position (-1: no such item). */
  shortToPos: Int32Array;
  /** Item position → document short id. */
  posToShort: Int32Array;
  /** The indexed fields in MiniSearch's order, with their ids and query-time boosts. */
  fields: { id: number; boost: number; avg: number; lengths: Float64Array }[];
  /** Counters the preparation was made at: a changed index is prepared again. */
  stamp: string;
  /** Scratch arrays by short id, reused between calls (all zero between calls). */
  scratch: Float64Array[];
  /** MiniSearch's BM25 parameters, fuzzy weight and largest edit distance for this index. */
  bm25: { k: number; b: number; d: number };
  fuzzyWeight: number;
  maxFuzzy: number;
}

const prepared = new WeakMap<SearchIndex, Prepared>();

const stampOf = (index: SearchIndex, m: Internals) =>
  `${m._documentCount}/${m._nextId}/${m._dirtCount}/${index.items.length}`;

function prepare(index: SearchIndex): Prepared {
  const mini = index.mini as unknown as Internals;
  const stamp = stampOf(index, mini);
  const cached = prepared.get(index);
  if (cached && cached.stamp === stamp) return cached;
  const size = Math.max(mini._nextId, 0);
  const shortToPos = new Int32Array(size).fill(-1);
  const posToShort = new Int32Array(index.items.length).fill(-1);
  const position = positionsById(index);
  let mapped = 0;
  for (const [short, id] of mini._documentIds) {
    const pos = position.get(id);
    if (pos === undefined || short >= size) continue;
    shortToPos[short] = pos;
    posToShort[pos] = short;
    mapped++;
  }
  const options = mini._options ?? { fields: [] };
  const searchOptions = options.searchOptions ?? {};
  const boosts = (searchOptions.boost ?? {}) as Record<string, number>;
  const fields = (options.fields ?? []).map((field) => {
    const id = mini._fieldIds?.[field] as number;
    const lengths = new Float64Array(size);
    for (const [short, ls] of mini._fieldLength ?? []) if (short < size) lengths[short] = ls[id] as number;
    return {
      id,
      boost: (Object.hasOwn(boosts, field) ? boosts[field] : undefined) || 1,
      // A field no document has (the English fields of a corpus without data/english/) has no
      // average and no postings: it is never scored, so any finite value models it.
      avg: Number.isFinite(mini._avgFieldLength?.[id]) ? (mini._avgFieldLength?.[id] as number) : 0,
      lengths,
    };
  });
  const bm25 = (searchOptions.bm25 ?? { k: 1.2, b: 0.7, d: 0.5 }) as Prepared['bm25'];
  const weights = (searchOptions.weights ?? { fuzzy: 0.45 }) as { fuzzy?: number };
  const fuzzyWeight = weights.fuzzy as number;
  const maxFuzzy = (searchOptions.maxFuzzy ?? 6) as number;
  const exact =
    typeof mini._index?.fuzzyGet === 'function' &&
    !searchOptions.prefix &&
    [bm25.k, bm25.b, bm25.d, fuzzyWeight, maxFuzzy].every((x) => typeof x === 'number') &&
    mini._dirtCount === 0 &&
    mapped === index.items.length &&
    mapped === mini._documentCount &&
    mapped === mini._documentIds.size &&
    fields.every((f) => typeof f.id === 'number') &&
    Object.keys(searchOptions).every((k) => MODELLED.has(k)) &&
    // Terms reach MiniSearch unchanged only with the query-time tokenizer and processTerm of
    // SEARCH_OPTIONS; checked on a sample so another configuration takes the slow path.
    sameTerms(searchOptions);
  const p: Prepared = {
    mini,
    exact,
    shortToPos,
    posToShort,
    fields,
    stamp,
    scratch: [],
    bm25,
    fuzzyWeight,
    maxFuzzy,
  };
  prepared.set(index, p);
  return p;
}

/** Whether the query-time tokenizer and processTerm hand a plain term over as it is. */
function sameTerms(searchOptions: Record<string, unknown>): boolean {
  const tokenize = searchOptions.tokenize as ((s: string) => string[]) | undefined;
  const process = searchOptions.processTerm as ((s: string) => unknown) | undefined;
  if (!tokenize || !process) return false;
  return ['ai', 'セキュリティ', 'Grok', 'sb53', '800-2', 'a b'].every((t) => {
    const out = tokenize(t).flatMap((x) => process(x) as string);
    return out.length === 1 && out[0] === t;
  });
}

/** Whether scores for this index are computed here (false: by MiniSearch itself, the slow path). */
export function modelled(index: SearchIndex): boolean {
  return prepare(index).exact;
}

/** A term this module hands to the scorer as MiniSearch would (one token, not empty). */
const plainTerm = (t: string) => t.length > 0 && !t.includes('\u0000');

function borrow(p: Prepared): Float64Array {
  return p.scratch.pop() ?? new Float64Array(p.shortToPos.length);
}
function giveBack(p: Prepared, a: Float64Array, used: number[]): void {
  for (const d of used) a[d] = 0;
  p.scratch.push(a);
}

const maxDistanceOf = (p: Prepared, term: string, fuzzy: Fuzziness): number => {
  if (!fuzzy) return 0;
  const f = fuzzy === true ? 0.2 : typeof fuzzy === 'object' ? fuzzy.within : fuzzy;
  return f < 1 ? Math.min(p.maxFuzzy, Math.round(term.length * f)) : f;
};

/**
 * One query term's score per document (MiniSearch's `executeQuerySpec`: the exact term, then
 * each fuzzy variant, each over the fields in order), added into `acc` by short id; the short
 * ids scored are pushed to `used` once each. Only documents `allowed` admits are scored.
 */
function scoreTerm(
  p: Prepared,
  term: string,
  fuzzy: Fuzziness,
  allowed: Uint8Array | undefined,
  acc: Float64Array,
  used: number[],
): void {
  const add = (data: TermData | undefined, termWeight: number) => {
    if (!data) return;
    const termBoost = 1;
    const docBoost = 1;
    const totalCount = p.mini._documentCount;
    const { k, b, d } = p.bm25;
    for (const field of p.fields) {
      const freqs = data.get(field.id);
      if (freqs == null) continue;
      const matchingCount = freqs.size;
      const avgFieldLength = field.avg;
      const fieldBoost = field.boost;
      const lengths = field.lengths;
      const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
      const one = (docId: number, termFreq: number) => {
        if (allowed && allowed[docId] !== 1) return;
        const fieldLength = lengths[docId] as number;
        // calcBM25Score, as MiniSearch writes it.
        const rawScore =
          invDocFreq *
          (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        const weightedScore = termWeight * termBoost * fieldBoost * docBoost * rawScore;
        if (acc[docId] === 0) used.push(docId);
        acc[docId] = (acc[docId] as number) + weightedScore;
      };
      eachPosting(freqs, one);
    }
  };
  add(p.mini._index.get(term), 1);
  const maxDistance = maxDistanceOf(p, term, fuzzy);
  if (maxDistance) {
    for (const [variant, [data, distance]] of p.mini._index.fuzzyGet(term, maxDistance)) {
      if (!distance || !keepsVariant(fuzzy, term, variant)) continue;
      add(data, (p.fuzzyWeight * variant.length) / (variant.length + distance));
    }
  }
}

/** Whether a fuzzy variant is admitted: any, or for a {@link WordMatch} only the word's own forms. */
function keepsVariant(fuzzy: Fuzziness, term: string, variant: string): boolean {
  if (typeof fuzzy !== 'object') return true;
  return variant.startsWith(stemOf(term)) || term.startsWith(stemOf(variant)) || !fuzzy.isWord(variant);
}

/** Endings of an English word's forms, longest first (evaluations → evalu, regulating → regulat). */
const ENDINGS = [
  'ations',
  'ation',
  'ings',
  'ions',
  'ments',
  'ives',
  'ing',
  'ion',
  'ers',
  'ment',
  'ive',
  'ies',
  'er',
  'ed',
  'es',
  'y',
  's',
  'e',
];
/** A word without its longest ending that leaves four letters or more. */
function stemOf(word: string): string {
  for (const e of ENDINGS)
    if (word.endsWith(e) && word.length - e.length >= 4) return word.slice(0, -e.length);
  return word;
}

/** Raw postings of a term not yet decoded (src/search/compact-index.ts). */
interface RawPostings {
  raw?: () => { ints: Int32Array; at: number; count: number } | undefined;
}

/**
 * Each (short id, frequency) of a term's postings in one field, in MiniSearch's order; straight
 * from postings.bin when the term was never decoded, so scoring a common term does not build a
 * Map of its thousands of postings.
 */
function eachPosting(freqs: Map<number, number>, fn: (docId: number, termFreq: number) => void): void {
  const raw = (freqs as RawPostings).raw?.();
  if (raw) {
    const { ints, at, count } = raw;
    const end = at + 2 * count;
    for (let q = at; q < end; q += 2) fn(ints[q] as number, ints[q + 1] as number);
  } else for (const [docId, termFreq] of freqs) fn(docId, termFreq);
}

const fuzzyFor = (fuzzy: Fuzzy, term: string): Fuzziness =>
  typeof fuzzy === 'function' ? fuzzy(term) : fuzzy;

/** Short ids → allowed flags, from a per-position gate. */
export interface Gate {
  /** By item position: 1 when the item passes the question's filters. */
  readonly byPosition: Uint8Array;
  /** By document short id (internal). */
  readonly byShort: Uint8Array;
}

/** The filter gate of a question, from the items that pass (positions in `index.items`). */
export function gateOf(index: SearchIndex, byPosition: Uint8Array): Gate {
  const p = prepare(index);
  const byShort = new Uint8Array(p.shortToPos.length);
  for (let pos = 0; pos < byPosition.length; pos++)
    if (byPosition[pos] === 1) {
      const s = p.posToShort[pos] as number;
      if (s >= 0) byShort[s] = 1;
    }
  return { byPosition, byShort };
}

/**
 * Every item matching all of `terms` (MiniSearch's AND of them; one term alone is the plain
 * term query), with `score` exactly `r.score / terms.length` for the result `r` of
 * `index.mini.search(query, { fuzzy })`. Items outside `gate` are neither scored nor visited.
 * Returns how many items were visited.
 */
export function scoreAnd(
  index: SearchIndex,
  terms: string[],
  fuzzy: Fuzzy,
  gate: Gate | undefined,
  visit: (position: number, score: number) => void,
): number {
  const p = prepare(index);
  if (!p.exact || !terms.length || !terms.every(plainTerm)) {
    return viaMiniSearch(index, p, andQuery(terms), fuzzy, gate, (pos, s) => visit(pos, s / terms.length));
  }
  const allowed = gate?.byShort;
  const cur = borrow(p);
  let list: number[] = [];
  scoreTerm(p, terms[0] as string, fuzzyFor(fuzzy, terms[0] as string), allowed, cur, list);
  for (let k = 1; k < terms.length && list.length; k++) {
    const next = borrow(p);
    const got: number[] = [];
    scoreTerm(p, terms[k] as string, fuzzyFor(fuzzy, terms[k] as string), allowed, next, got);
    const kept: number[] = [];
    for (const d of list) {
      const s = next[d] as number;
      if (s !== 0) {
        cur[d] = (cur[d] as number) + s;
        kept.push(d);
      } else cur[d] = 0;
    }
    giveBack(p, next, got);
    list = kept;
  }
  // MiniSearch multiplies by the number of distinct query terms matched (all of them here).
  const quality = new Set(terms).size;
  for (const d of list) visit(p.shortToPos[d] as number, ((cur[d] as number) * quality) / terms.length);
  const n = list.length;
  giveBack(p, cur, list);
  return n;
}

/**
 * Every item matching any of `terms` (MiniSearch's OR of them), with `score` exactly the
 * `r.score` of `index.mini.search({ combineWith: 'OR', queries: terms }, { fuzzy })`. Items
 * outside `gate` are neither scored nor visited.
 */
export function scoreOr(
  index: SearchIndex,
  terms: string[],
  fuzzy: Fuzzy,
  gate: Gate | undefined,
  visit: (position: number, score: number) => void,
): void {
  const p = prepare(index);
  if (!p.exact || !terms.every(plainTerm)) {
    viaMiniSearch(index, p, { combineWith: 'OR', queries: terms }, fuzzy, gate, visit);
    return;
  }
  const allowed = gate?.byShort;
  const sum = borrow(p);
  const one = borrow(p);
  const matchedTerms = new Map<number, number>();
  const list: number[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    const got: number[] = [];
    scoreTerm(p, term, fuzzyFor(fuzzy, term), allowed, one, got);
    const fresh = !seen.has(term);
    seen.add(term);
    for (const d of got) {
      if (sum[d] === 0) list.push(d);
      sum[d] = (sum[d] as number) + (one[d] as number);
      if (fresh) matchedTerms.set(d, (matchedTerms.get(d) ?? 0) + 1);
      one[d] = 0;
    }
  }
  p.scratch.push(one);
  // MiniSearch multiplies by the number of distinct query terms each document matched.
  for (const d of list) visit(p.shortToPos[d] as number, (sum[d] as number) * (matchedTerms.get(d) ?? 1));
  giveBack(p, sum, list);
}

/** Whether the index holds `term` exactly (a name or code the corpus prints: never a typo). */
export function hasTerm(index: SearchIndex, term: string): boolean {
  return prepare(index).mini._index.get(term) !== undefined;
}

/**
 * In how many items a term occurs (its most-used field, URLs aside): how common a word of the
 * question is in this corpus, which decides how much of an answer it is. 0 for a term only URLs
 * hold: a URL's host or path joins words (digitalservice, metro) that no sentence prints.
 */
export function termDocCount(index: SearchIndex, term: string): number {
  const mini = prepare(index).mini;
  const fields = mini._index.get(term) as Map<number, { size: number }> | undefined;
  if (!fields) return 0;
  const refs = mini._fieldIds?.refs;
  let most = 0;
  for (const [id, postings] of fields) if (id !== refs && postings.size > most) most = postings.size;
  return most;
}

/**
 * Every term the index holds, from MiniSearch's own term tree: what tables of the corpus's terms
 * (its Latin names, its katakana by spelling) are built from, once per index.
 */
export function indexTerms(index: SearchIndex): Iterable<string> {
  return prepare(index).mini._index.keys();
}

/**
 * Whether any item matches every term (fuzzily as `fuzzy` says), over the whole corpus: a
 * concept the filters hide is still one the corpus has.
 */
export function anyMatch(index: SearchIndex, terms: string[], fuzzy: Fuzzy): boolean {
  const p = prepare(index);
  if (!p.exact || !terms.length || !terms.every(plainTerm))
    return viaMiniSearch(index, p, andQuery(terms), fuzzy, undefined, () => {}) > 0;
  let docs: Set<number> | undefined;
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k] as string;
    const here = new Set<number>();
    const last = k === terms.length - 1;
    const f = fuzzyFor(fuzzy, term);
    const collect = (data: TermData | undefined) => {
      if (!data) return;
      for (const field of p.fields) {
        const freqs = data.get(field.id);
        if (freqs)
          eachPosting(freqs, (d) => {
            if (!docs || docs.has(d)) here.add(d);
          });
      }
    };
    collect(p.mini._index.get(term));
    // The last term found exactly needs no fuzzy walk of the term tree: one match is the answer.
    if (last && here.size) return true;
    const maxDistance = maxDistanceOf(p, term, f);
    if (maxDistance)
      for (const [variant, [data, distance]] of p.mini._index.fuzzyGet(term, maxDistance))
        if (distance && keepsVariant(f, term, variant)) collect(data);
    if (!here.size) return false;
    if (last) return true;
    docs = here;
  }
  return false;
}

const andQuery = (terms: string[]): Query =>
  terms.length === 1 ? (terms[0] as string) : { combineWith: 'AND', queries: terms };

/** The slow path: MiniSearch itself, for indexes or terms the fast path does not model. */
function viaMiniSearch(
  index: SearchIndex,
  p: Prepared,
  query: Query,
  fuzzy: Fuzzy,
  gate: Gate | undefined,
  visit: (position: number, score: number) => void,
): number {
  let n = 0;
  const position = positionsById(index);
  // (MiniSearch itself knows no WordMatch: its plain distance here, on this rare path)
  const plain =
    typeof fuzzy === 'function'
      ? (term: string) => {
          const f = fuzzy(term);
          return typeof f === 'object' ? f.within : f;
        }
      : fuzzy;
  for (const r of index.mini.search(query, { fuzzy: plain as never })) {
    const pos = position.get(String(r.id));
    if (pos === undefined || (gate && gate.byPosition[pos] !== 1)) continue;
    visit(pos, r.score);
    n++;
  }
  void p;
  return n;
}

const positionCaches = new WeakMap<SearchIndex, Map<string, number>>();

/** Item id → position in `index.items`, once per index. */
export function positionsById(index: SearchIndex): Map<string, number> {
  let m = positionCaches.get(index);
  if (!m || m.size !== index.items.length) {
    m = new Map(index.items.map((it, i) => [it.id, i]));
    positionCaches.set(index, m);
  }
  return m;
}

/**
 * Scores by item position, keeping each item's best (MiniSearch result → `Math.max` over a
 * concept's alternatives), with the positions scored in the order first scored.
 */
export class ItemScores {
  readonly #value: Float64Array;
  readonly #has: Uint8Array;
  /** Positions that have a score. */
  readonly at: number[] = [];
  /** Whether the concept occurs in the corpus at all, filters aside. */
  present = false;

  constructor(items: number) {
    this.#value = new Float64Array(items);
    this.#has = new Uint8Array(items);
  }

  /** Keeps the larger of the item's score and `score` (as `Math.max(old ?? 0, score)`). */
  readonly keepMax = (position: number, score: number): void => {
    if (position < 0) return;
    if (this.#has[position] === 1) this.#value[position] = Math.max(this.#value[position] as number, score);
    else {
      this.#has[position] = 1;
      this.#value[position] = Math.max(0, score);
      this.at.push(position);
    }
  };

  get(position: number): number | undefined {
    return this.#has[position] === 1 ? this.#value[position] : undefined;
  }

  get size(): number {
    return this.at.length;
  }

  /** `Math.max(...scores)`. */
  max(): number {
    return Math.max(...this.at.map((p) => this.#value[p] as number));
  }

  /** `Math.min(...scores)`. */
  min(): number {
    return Math.min(...this.at.map((p) => this.#value[p] as number));
  }
}
