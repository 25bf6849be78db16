import { normalize } from '../analyze/analyzer.js';
import type { SearchIndex } from '../search/index-store.js';
import type { GroupScores } from './candidates.js';
import { facets, foldedTitle } from './facets.js';

/**
 * The score stage: candidates → ranked columns. An item's coverage is the weighted share of the
 * question's concepts it matches (each by its best alternative); its score is BM25 within those
 * concepts scaled by coverage, by the kind of item (a dated event before a long report section)
 * and, when the question names the US federal or state level, by level. The decide stage reads
 * the columns; nothing here decides what is an answer.
 */

/**
 * A dated event is what a policy tracker is asked for; a long report or briefing section that
 * mentions the same words many times should not outrank it on term counts alone.
 */
export const KIND_PRIOR = { event: 1, section: 0.75, sectionWithPlace: 0.4, sectionAsked: 2 } as const;

/** The items ranked for a question, as columns by rank-candidate index. */
export class Scored {
  /** The item's position in `index.items`. */
  readonly pos: Int32Array;
  readonly score: Float64Array;
  readonly coverage: Float64Array;
  /**
   * Coverage with each concept weighted by how rare it is in the corpus (see RankContext.shares):
   * how much of what the question is about the item holds — what decides answer or suggestion.
   */
  readonly share: Float64Array;
  /** BM25 over the matched concepts, before coverage: orders suggestions. */
  readonly bm: Float64Array;
  /** Coverage band, then dated events first, when a place or a period is named (0 otherwise). */
  readonly tier: Int32Array;
  /** How many of the question's required concepts (places named) the item matches. */
  readonly requiredMet: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.pos = new Int32Array(capacity);
    this.score = new Float64Array(capacity);
    this.coverage = new Float64Array(capacity);
    this.share = new Float64Array(capacity);
    this.bm = new Float64Array(capacity);
    this.tier = new Int32Array(capacity);
    this.requiredMet = new Int32Array(capacity);
  }

  push(
    pos: number,
    score: number,
    coverage: number,
    share: number,
    bm: number,
    tier: number,
    requiredMet: number,
  ): void {
    const i = this.length++;
    this.pos[i] = pos;
    this.score[i] = score;
    this.coverage[i] = coverage;
    this.share[i] = share;
    this.bm[i] = bm;
    this.tier[i] = tier;
    this.requiredMet[i] = requiredMet;
  }
}

/** What {@link scoreCandidates} needs of a question's ranking. */
export interface RankContext {
  groupScores: (GroupScores | undefined)[];
  weights: number[];
  /** Each concept's weight times its rarity in the corpus (0 where the weight is 0). */
  shares: number[];
  /** 1 for a concept an answer must match (see decide.ts), by group index. */
  required: Uint8Array;
  wholeScores: GroupScores;
  titlePhrases: string[];
  total: number;
  sectionPrior: number;
  levelAsked: 'state' | 'federal' | undefined;
  eventsFirst: boolean;
}

/**
 * Scores the candidates into columns: the ranking's hot loop, thousands of items on a large
 * corpus. Its own function, reading per-index typed arrays rather than item objects (whose
 * shapes vary), so V8 optimizes it once and a new kind of question does not throw away the
 * optimized code of the whole ranking.
 */
export function scoreCandidates(
  index: SearchIndex,
  candidates: Iterable<number> & ArrayLike<number>,
  c: RankContext,
): Scored {
  const {
    groupScores,
    weights,
    shares,
    required,
    wholeScores,
    titlePhrases,
    total,
    sectionPrior,
    levelAsked,
    eventsFirst,
  } = c;
  const { section, usLevel } = facets(index);
  const scored = new Scored(candidates.length);
  let shareTotal = 0;
  for (const w of shares) shareTotal += w;
  for (let k = 0; k < candidates.length; k++) {
    const pos = candidates[k] as number;
    let bm = 0;
    let got = 0;
    let gotShare = 0;
    let matched = 0;
    let requiredMet = 0;
    for (let i = 0; i < groupScores.length; i++) {
      const s = groupScores[i]?.get(pos);
      if (s === undefined) continue;
      const w = weights[i] as number;
      matched++;
      got += w;
      gotShare += shares[i] as number;
      bm += w > 0 ? s : 0.5 * s;
      if (required[i] === 1) requiredMet++;
    }
    bm += wholeScores.get(pos) ?? 0;
    // A name typed as the title prints it ("AI Action Plan") is that item's own name.
    if (titlePhrases.length && titleHasPhrase(index, pos, titlePhrases)) bm *= 1.5;
    const cov = total > 0 ? got / total : 1;
    if (total > 0 && matched === 0) continue;
    const isSection = section[pos] === 1;
    const us = usLevel[pos] as number;
    const prior =
      (isSection ? sectionPrior : KIND_PRIOR.event) *
      (levelAsked && us !== 0 && (us === 1) !== (levelAsked === 'state') ? 0.5 : 1);
    // Filters only: every match, dated events first and newest first, names of actors ranking.
    const score = total > 0 ? (bm + 1) * cov * cov * prior : prior * (1 + bm);
    const tier = eventsFirst ? Math.round(cov * 100) * 2 + (isSection ? 0 : 1) : 0;
    const share = shareTotal > 0 ? gotShare / shareTotal : cov;
    scored.push(pos, score, cov, share, bm * prior, tier, requiredMet);
  }
  return scored;
}

/** Whether an item's folded title contains one of the question's Latin phrases. */
function titleHasPhrase(index: SearchIndex, pos: number, phrases: readonly string[]): boolean {
  const title = foldedTitle(index, pos);
  for (const p of phrases) if (title.includes(p)) return true;
  return false;
}

/**
 * The Latin phrases of two words or more (≥ 6 characters) in a question, lowercased: a name
 * typed as a title prints it. (Plain loops here and above: the array builtins inlined into the
 * ranking deoptimized it again and again on arrays of two element kinds, measured with
 * `--trace-deopt`.)
 */
export function latinPhrases(question: string): string[] {
  const out: string[] = [];
  for (const m of normalize(question).matchAll(LATIN_PHRASE)) {
    const p = m[0].toLowerCase();
    if (p.length >= 6) out.push(p);
  }
  return out;
}
const LATIN_PHRASE = /[A-Za-z0-9][A-Za-z0-9.-]*(?: [A-Za-z0-9][A-Za-z0-9.-]*)+/g;

/**
 * The order of ranked items: coverage band first (with a place or a period), then score, then
 * newest first; ties keep corpus order.
 */
export function rankOrder(index: SearchIndex, scored: Scored): (i: number, j: number) => number {
  const dateRank = facets(index).dateRank;
  const { pos: at, score: sc, tier: tr } = scored;
  return (i, j) =>
    (tr[j] as number) - (tr[i] as number) ||
    (sc[j] as number) - (sc[i] as number) ||
    (dateRank[at[j] as number] as number) - (dateRank[at[i] as number] as number) ||
    i - j;
}
