import { isLatinHeadword, lookupEnglishWord, lookupJapanese } from '../analyze/dictionary.js';
import type { Message } from '../present/catalogue.js';
import type { SearchIndex } from '../search/index-store.js';
import type { StoredItem } from '../search/stored-item.js';
import type { ConceptMatches } from './candidates.js';
import { facets } from './facets.js';
import { type FilterStage, monthOf, monthsBetween } from './filters.js';
import { questionWordSet, reviewedQuestionWordSet } from './glossary.js';
import { homeCountry, placeNearConcept } from './passages.js';
import type { Period } from './period.js';
import { rankOrder, type Scored } from './score.js';
import type { Interpretation, TermGroup } from './understand.js';

/**
 * The decide stage: the one place that says whether a question is answered, and when it is not,
 * why. Every word of the question was read as a filter, a concept or filler (understand.ts):
 * - a concept no item of the corpus uses ("drones", "racing") empties the answer: it says
 *   "Nothing about drones (ドローン, 無人機) in the corpus", and the closest items for the rest of
 *   the question are labelled suggestions, never answers — no answer is given by ignoring a word;
 * - a place named below or beside a country (Oregon, 北海道, the OECD) must be named by every
 *   answer; when no item names it the answer is "No items about Oregon";
 * - of the concepts the corpus has, an answer must cover at least {@link MIN_COVERAGE} of them
 *   (each by its best synonym) and be within {@link BELOW_BEST} of the best item; generic words
 *   (AI, policy, activity, 人) and agency names only rank.
 * (Stricter rules — every distinctive concept required, coverage weighted by rarity, concepts a
 * quarter of the corpus uses made rank-only — were measured on the tune sets and lost more right
 * answers than they saved empty ones.)
 */

export interface Hit {
  item: StoredItem;
  score: number;
}

export interface SearchOutcome {
  hits: Hit[];
  /** When the answer abstains (`hits` empty): the closest items, labelled as suggestions. */
  suggestions: Hit[];
  /** Words of the question no suggestion covers, when abstaining ("horse", "racing"). */
  unmatched: string[];
  /** The period as searched: a bare month moved to the latest occurrence the corpus covers. */
  period: Period | null;
  /** How the period was resolved ("July → July 2025, …"), as a message code with arguments. */
  periodNotice?: Message;
  /** Why the answer is empty, or caveats about it, as message codes with arguments. */
  notices: Message[];
  /** Concepts of the question that some answer (or suggestion) matches, as typed. */
  matched: string[];
  /** Concepts of the question no item of the corpus uses, as typed. */
  missing: string[];
}

/**
 * Which concepts every answer must match, by group index (1: required): the places named, the
 * name of a law named ("CHIPS Act funding" is not answered by funding items under another law),
 * a person or a dotted name named, and a body named that the corpus names somewhere (Ofcom, IMDA,
 * 経産省: "Ofcom in December" is not answered by other UK items; a government in general only
 * ranks its country's items).
 */
export function requiredConcepts(groups: readonly TermGroup[], matches?: ConceptMatches): Uint8Array {
  const out = new Uint8Array(groups.length);
  groups.forEach((g, i) => {
    if (g.place || g.lawName || g.name || g.aspect || g.related) out[i] = 1;
    // (a body the corpus never names — its items say 英国政府 where DSIT acted — only ranks)
    else if (g.body && matches?.perGroup.get(g)?.present) out[i] = 1;
  });
  return out;
}

/**
 * How much of the question an item must cover (each concept by its best synonym, weighted) to be
 * an answer rather than a suggestion; and how far below the best item it may fall.
 */
export const MIN_COVERAGE = 0.5;
/**
 * …or how much of it by rarity (Scored.share) an item holds to be an answer all the same: the
 * item on floods answers "flood forecasting with machine learning" though it says neither
 * forecasting nor learning, words many items use.
 */
export const MIN_SHARE = 0.6;
const BELOW_BEST = 0.34;

/**
 * The filler worth saying was read as filler: not the question words everyone expects to be
 * skipped (what, did, 教えて), but words that could have been meant as a subject ("memo",
 * "status", ニュース, 動き). Every filler word stays in `interpretation.filler`.
 */
export function notableFiller(filler: readonly string[]): string[] {
  const obvious = reviewedQuestionWordSet();
  return filler.filter((w) => {
    const lower = w.toLowerCase();
    if (obvious.has(lower)) return false;
    if (/^[A-Za-z'’]+$/.test(w)) return lower.length >= 4;
    // A phrase read as filler (an amount: "million dollar", "$10m"; a marker: "such as") is
    // worth saying unless every word of it is an obvious question word.
    if (/^[A-Za-z0-9$.,'’ -]+$/.test(w) && /[A-Za-z]/.test(w) && /[\s\d$]/.test(w))
      return lower.split(/[\s-]+/).some((x) => x && !obvious.has(x) && !questionWordSet().has(x));
    return /^[\u30a0-\u30ff\u3400-\u9fff]{2,}$/.test(w);
  });
}

/** What the dictionary calls a missing word in the other language, for the message. */
function glossOf(g: TermGroup): string | undefined {
  const word = g.label;
  if (/[\u3040-\u30ff\u3400-\u9fff]/.test(word)) return lookupJapanese(word)?.senses[0]?.[0];
  if (!/^[A-Za-z][A-Za-z' -]*$/.test(word)) return undefined;
  // A law's name or an acronym (CHIPS, RASIE) is no dictionary word: "chips" would be potato chips.
  if (g.lawName || /^[A-Z]{2,5}$/.test(word)) return undefined;
  // A reviewed entry's own Japanese (antitrust watchdog: 公正取引委員会, 公取委).
  if (g.source === 'glossary' && g.translation?.length) return g.translation.slice(0, 2).join(', ');
  const e = lookupEnglishWord(word);
  if (!e) return undefined;
  // The loanword first when there is one (drone: ドローン, 無人機).
  // (not an abbreviation in Latin letters: occupational therapist's ＯＴ)
  const japanese = e.headwords.filter((h) => !isLatinHeadword(h));
  const forms = [
    ...new Set([...(e.katakana && e.katakana.length >= 3 ? [e.katakana] : []), ...japanese.slice(0, 1)]),
  ];
  return forms.join(', ') || undefined;
}

export interface DecideInput {
  index: SearchIndex;
  interp: Interpretation;
  stage: FilterStage;
  matches: ConceptMatches;
  scored: Scored;
  /** 1 for a concept every answer must match (requiredConcepts), by group index. */
  required: Uint8Array;
  today: string;
  coverage: Message;
}

/** Answers or abstains (see the module comment). */
export function decide(d: DecideInput): SearchOutcome {
  const { index, interp, stage, matches, scored, required, today, coverage } = d;
  const groups = interp.groups;
  const present = (g: TermGroup) => matches.perGroup.get(g)?.present === true;
  const missingGroups = groups.filter((g) => !g.weak && !g.agency && !present(g));
  const missing = missingGroups.map((g) => g.label);
  const order = rankOrder(index, scored);
  const toHit = (i: number): Hit => ({
    item: index.items[scored.pos[i] as number] as StoredItem,
    score: scored.score[i] as number,
  });
  const notes = stageNotes(stage, interp);
  const base = {
    period: stage.period,
    ...(stage.periodNotice ? { periodNotice: stage.periodNotice } : {}),
    missing,
  };
  const matchedBy = (pos: number | undefined) =>
    groups
      .filter((g) => !g.agency && pos !== undefined && matches.perGroup.get(g)?.get(pos) !== undefined)
      .map((g) => g.label);
  const filler = notableFiller(interp.filler);
  // Words read as another (a typo, a clipped form, a swapped name, a katakana name, the end of a
  // word written together): said, so an asker sees what was searched for ("budjet" as “budget”).
  const readAs: Record<string, string> = {};
  for (const g of groups)
    if (g.readAs && g.readAs.toLowerCase() !== g.label.toLowerCase()) readAs[g.label] = g.readAs;
  for (const [typed, name] of Object.entries(interp.placeReadAs ?? {})) readAs[typed] = name;
  const wordsRead = (matched: string[]): Message[] =>
    missing.length || filler.length || Object.keys(readAs).length
      ? [{ code: 'wordsRead', args: { matched, missing, filler, readAs } }]
      : [];

  const all = Array.from({ length: scored.length }, (_, i) => i);
  let needed = 0;
  for (const r of required) needed += r;
  let best = 0;
  let bestShare = 0;
  for (let i = 0; i < scored.length; i++)
    if ((scored.requiredMet[i] as number) >= needed) {
      best = Math.max(best, scored.coverage[i] as number);
      bestShare = Math.max(bestShare, scored.share[i] as number);
    }
  const floor = Math.max(MIN_COVERAGE, best - BELOW_BEST) - 1e-9;
  const shareFloor = Math.max(MIN_SHARE, bestShare - BELOW_BEST) - 1e-9;
  // (The corpus's own country, Japan, goes unnamed in most of what its documents say of it.)
  const home = homeCountry(index);
  // The specific concepts an item matched: a long section must name the place beside one of them.
  const concepts = (pos: number) =>
    groups.filter((g) => !g.weak && !g.agency && !g.place && matches.perGroup.get(g)?.get(pos) !== undefined);
  const answers = all
    .filter(
      (i) =>
        (scored.requiredMet[i] as number) >= needed &&
        ((scored.coverage[i] as number) >= floor || (scored.share[i] as number) >= shareFloor) &&
        (!stage.placeAsked ||
          placeNearConcept(
            index.items[scored.pos[i] as number] as StoredItem,
            stage.covered.filter((c) => c !== home),
            concepts(scored.pos[i] as number),
          )),
    )
    .sort(order);
  const abstain = (head: Message[]): SearchOutcome => {
    const suggestions = all
      .sort(
        (i, j) =>
          (scored.requiredMet[j] as number) - (scored.requiredMet[i] as number) ||
          (scored.coverage[j] as number) - (scored.coverage[i] as number) ||
          (scored.bm[j] as number) - (scored.bm[i] as number) ||
          order(i, j),
      )
      .slice(0, 5);
    const top = suggestions[0] === undefined ? undefined : (scored.pos[suggestions[0]] as number);
    const matched = matchedBy(top);
    const unmatched = groups
      .filter((g) => !g.weak && !g.agency && !matched.includes(g.label))
      .map((g) => g.label);
    return {
      hits: [],
      suggestions: suggestions.map(toHit),
      unmatched,
      ...base,
      matched,
      notices: [
        ...notes,
        ...head,
        ...wordsRead(matched),
        ...(suggestions.length ? [{ code: 'closestAsSuggestions' } as Message] : []),
        coverage,
      ],
    };
  };

  if (missingGroups.length) {
    const places = missingGroups.filter((g) => g.place);
    const words = missingGroups.filter((g) => !g.place);
    const glosses: Record<string, string> = {};
    for (const g of words) {
      const gloss = glossOf(g);
      if (gloss && gloss.toLowerCase() !== g.label.toLowerCase()) glosses[g.label] = gloss;
    }
    return abstain([
      ...(places.length
        ? [{ code: 'noItemsAboutPlaces', args: { names: places.map((g) => g.label) } } as Message]
        : []),
      ...(words.length
        ? [{ code: 'nothingAbout', args: { words: words.map((g) => g.label), glosses } } as Message]
        : []),
    ]);
  }
  if (!answers.length) {
    const words = groups.filter((g, i) => required[i] === 1 || (!g.weak && !g.agency)).map((g) => g.label);
    return abstain([
      words.length > 1
        ? { code: 'noItemCoversAll', args: { words } }
        : { code: 'nothingMatches', args: { words } },
    ]);
  }
  let hits = answers;
  const latestNote: Message[] = [];
  if (interp.latest && !interp.period) {
    // (the newest of the items that hold the whole question: "the latest version of the
    // evaluation guide" is that guide's newest, not the newest item on guides)
    const whole = hits.reduce((m, i) => Math.max(m, scored.coverage[i] as number), 0) - 1e-9;
    const full = hits.filter((i) => (scored.coverage[i] as number) >= whole);
    // (none dated after today: "latest" as of the day asked)
    const asOfToday = full.filter((i) => {
      const start = index.items[scored.pos[i] as number]?.date?.start;
      return !today || start === undefined || start <= today;
    });
    const newest = newestMonth(
      index,
      asOfToday.map((i) => scored.pos[i] as number),
    );
    if (newest) {
      hits = asOfToday.filter((i) => {
        const date = index.items[scored.pos[i] as number]?.date;
        return date !== undefined && date.start <= newest.to && date.end >= newest.from;
      });
      latestNote.push({
        code: 'newestItems',
        args: { month: newest.label, monthsAgo: monthsBetween(newest.from, today) },
      });
    }
  }
  const first = hits[0];
  const matched = matchedBy(first === undefined ? undefined : (scored.pos[first] as number));
  return {
    hits: hits.map(toHit),
    suggestions: [],
    unmatched: [],
    ...base,
    matched,
    notices: [...notes, ...latestNote, ...wordsRead(matched)],
  };
}

/** The period and place notes every answer carries. */
export function stageNotes(stage: FilterStage, interp: Interpretation): Message[] {
  return [
    ...(stage.periodNotice ? [stage.periodNotice] : []),
    ...(stage.uncovered.length
      ? [{ code: 'noItemsAbout', args: { places: stage.uncovered, said: interp.placeNames } } as Message]
      : []),
  ];
}

/** The newest calendar month any of the items (positions) falls in, or undefined when none is dated. */
function newestMonth(index: SearchIndex, positions: number[]): Period | undefined {
  const rank = facets(index).dateRank;
  let best: number | undefined;
  for (const pos of positions)
    if (index.items[pos]?.date && (best === undefined || (rank[pos] as number) > (rank[best] as number)))
      best = pos;
  const date = best === undefined ? undefined : index.items[best]?.date;
  return date ? monthOf(date.start) : undefined;
}
