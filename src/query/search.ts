import { normalize } from '../analyze/analyzer.js';
import { type Actor, actorsLexicon } from '../analyze/lexicon.js';
import { type Message, say, sayAll } from '../present/catalogue.js';
import type { SearchIndex } from '../search/index-store.js';
import {
  anyMatch,
  ItemScores as GroupScores,
  gateOf,
  modelled,
  scoreAnd,
  scoreOr,
} from '../search/scorer.js';
import type { StoredItem } from '../search/stored-item.js';
import { coverageMessage } from './coverage.js';
import { dateTable, eachDatedIn } from './date-table.js';
import { iso, lastDayOfMonth, MONTHS_EN, overlaps, parts } from './dates.js';
import { datedSpan, type Period, shiftYears } from './period.js';
import type { Interpretation, TermGroup } from './understand.js';

export interface Hit {
  item: StoredItem;
  score: number;
}

export interface SearchOutcome {
  hits: Hit[];
  /**
   * When the answer abstains (`hits` empty): the closest items, to be shown apart and labelled
   * as suggestions, never as answers.
   */
  suggestions: Hit[];
  /** Words of the question no suggestion covers, when abstaining ("horse", "racing"). */
  unmatched: string[];
  /** The period as searched: a bare month moved to the latest occurrence the corpus covers. */
  period: Period | null;
  /** How the period was resolved ("July → July 2025, …"), as a message code with arguments. */
  periodNotice?: Message;
  /** Why the answer is empty, or caveats about it, as message codes with arguments. */
  notices: Message[];
  /**
   * {@link periodNotice} rendered in the asker's language by the catalogue in src/present.
   * @deprecated for `ask`'s JSON until it renders the code itself; new callers render the code.
   */
  periodNote?: string;
  /**
   * {@link notices} rendered in the asker's language by the catalogue in src/present.
   * @deprecated for `ask`'s JSON until it renders the codes itself; new callers render the codes.
   */
  message?: string;
  /** Words that were left out because nothing in the corpus uses them. */
  ignored: string[];
  /** Countries asked about that no item concerns (answered for the others). */
  uncovered: string[];
  /** True when no item matched every term and the answer falls back to most of them. */
  partial: boolean;
}

/**
 * A dated event is what a policy tracker is asked for; a long report or briefing section that
 * mentions the same words many times should not outrank it on term counts alone.
 */
const KIND_PRIOR = { event: 1, section: 0.75, sectionWithPlace: 0.4 } as const;

/**
 * How much of the question an item must cover (each concept by its best synonym, weighted) to be
 * an answer rather than a suggestion. Calibrated on the tune split of bench/natural so that
 * off-corpus questions ("AI rules for horse racing") stay empty.
 */
export const MIN_COVERAGE = 0.5;

/** URLs compare without a trailing slash or the http/https difference. */
export const normalizeUrl = (u: string) =>
  u
    .trim()
    .replace(/\/+$/, '')
    .replace(/^http:/, 'https:');

/** The items that list any of these URLs, digest events before report and briefing sections. */
export function itemsCiting(
  index: SearchIndex,
  urls: string[],
  passes: (it: StoredItem) => boolean = () => true,
): StoredItem[] {
  const wanted = new Set(urls.map(normalizeUrl));
  return index.items
    .filter((it) => passes(it) && it.urls.some((u) => wanted.has(normalizeUrl(u))))
    .sort((a, b) => Number(b.kind === 'event') - Number(a.kind === 'event') || newestFirst(a, b));
}

/** Every jurisdiction some item is about, computed once per index rather than on every query. */
function corpusCountries(index: SearchIndex): Set<string> {
  const f = facets(index);
  f.countries ??= new Set(f.country.keys());
  return f.countries;
}

const KATAKANA_LONG = /^[\u30a1-\u30faー]{5,}$/;

/** Fuzzy matching only for long Latin words, where a typo or plural is likely and harmless. */
const fuzzy = (term: string) => (/^[a-z]{6,}$/.test(term) ? 0.2 : false);

function newestFirst(a: StoredItem, b: StoredItem): number {
  const da = a.date?.start ?? '';
  const db = b.date?.start ?? '';
  return db.localeCompare(da);
}

/** The forms a fiscal year takes in the documents: 令和7年度, R7年度, 2025年度, FY2025. */
function fiscalForms(fy: number): RegExp {
  const reiwa = fy - 2018;
  return new RegExp(
    `(?:令和\\s*${reiwa}\\s*年度|R\\s*${reiwa}\\s*年度|${fy}\\s*年度|FY\\s*${fy}|FY\\s*${String(fy).slice(2)}(?!\\d))`,
    'i',
  );
}

const monthOf = (date: string): Period => {
  const [y, m] = parts(date);
  return {
    from: iso(y, m, 1),
    to: iso(y, m, lastDayOfMonth(y, m)),
    label: { en: `${MONTHS_EN[m - 1]} ${y}`, ja: `${y}年${m}月` },
    kind: 'absolute',
  };
};

/** The latest month some dated item falls in: what "the latest covered period" offers. */
function latestCoveredMonth(
  index: SearchIndex,
  passes: (it: StoredItem) => boolean = () => true,
): Period | undefined {
  // Latest start first: the first item that passes has the latest start of those that pass.
  const { positions, starts } = dateTable(index);
  for (let i = positions.length - 1; i >= 0; i--)
    if (passes(index.items[positions[i] as number] as StoredItem)) return monthOf(starts[i] as string);
  return undefined;
}

/** An undated item's title and body as a fiscal year is looked for in them (NFKC), made once per item. */
const foldedTexts = new WeakMap<StoredItem, string>();
function foldedText(it: StoredItem): string {
  let text = foldedTexts.get(it);
  if (text === undefined) {
    text = `${it.title}\n${it.body}`.normalize('NFKC');
    foldedTexts.set(it, text);
  }
  return text;
}

/** Items that a period admits: dated ones overlapping it, and for a fiscal year the undated sections naming it. */
function periodFilter(period: Period | null): (it: StoredItem) => boolean {
  if (!period) return () => true;
  const fiscal = period.fiscal !== undefined ? fiscalForms(period.fiscal) : undefined;
  return (it) => (it.date !== undefined ? overlaps(it.date, period) : fiscal?.test(foldedText(it)) === true);
}

/**
 * Calls `visit` with every item `period` admits (as {@link periodFilter} does: dated items
 * overlapping it, through the date table; undated sections naming its fiscal year), until
 * `visit` returns true. Returns whether it did.
 */
function periodAdmits(index: SearchIndex, period: Period, visit: (pos: number) => boolean): boolean {
  if (eachDatedIn(dateTable(index), period.from, period.to, visit)) return true;
  if (period.fiscal === undefined) return false;
  const fiscal = fiscalForms(period.fiscal);
  for (const pos of dateTable(index).undated)
    if (fiscal.test(foldedText(index.items[pos] as StoredItem)) && visit(pos)) return true;
  return false;
}

/**
 * A bare month, day or season ("July", "this spring") means its latest occurrence the corpus
 * covers, not this year's when the digests have none: tries earlier years, up to ten.
 */
export function resolvePeriod(
  index: SearchIndex,
  period: Period | null,
): { period: Period | null; shifted: boolean } {
  if (period?.kind !== 'bare') return { period, shifted: false };
  const any = (p: Period) => periodAdmits(index, p, () => true);
  if (any(period)) return { period, shifted: false };
  for (let years = 1; years <= 10; years++) {
    const earlier = shiftYears(period, years);
    if (any(earlier)) return { period: earlier, shifted: true };
  }
  return { period, shifted: false };
}

/** The items ranked for a question, as columns by rank-candidate index. */
class Scored {
  /** The item's position in `index.items`. */
  readonly pos: Int32Array;
  readonly score: Float64Array;
  readonly coverage: Float64Array;
  /** BM25 over the matched concepts, before coverage: orders suggestions. */
  readonly bm: Float64Array;
  /** Coverage band, then dated events first, when a place or a period is named (0 otherwise). */
  readonly tier: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.pos = new Int32Array(capacity);
    this.score = new Float64Array(capacity);
    this.coverage = new Float64Array(capacity);
    this.bm = new Float64Array(capacity);
    this.tier = new Int32Array(capacity);
  }

  push(pos: number, score: number, coverage: number, bm: number, tier: number): void {
    const i = this.length++;
    this.pos[i] = pos;
    this.score[i] = score;
    this.coverage[i] = coverage;
    this.bm[i] = bm;
    this.tier[i] = tier;
  }
}

/**
 * Ranks the corpus for an interpretation. Countries, regions and the period are filters; the
 * words rank: an item's coverage is the weighted share of the question's concepts it matches
 * (each by its best synonym; a concept no item uses still counts against it), and its score is
 * BM25 within those concepts scaled by coverage. Items below {@link MIN_COVERAGE} are not
 * answers: when no item reaches it the answer abstains, says which words it could not match,
 * and offers the closest items as suggestions.
 */
export function search(index: SearchIndex, interp: Interpretation): SearchOutcome {
  const outcome = rank(index, interp, 0);
  const lang = interp.lang;
  const { message: _m, periodNote: _p, ...rest } = outcome;
  return {
    ...rest,
    ...(outcome.periodNotice
      ? { periodNote: say(lang, outcome.periodNotice.code, outcome.periodNotice.args) }
      : {}),
    ...(outcome.notices.length ? { message: sayAll(lang, outcome.notices) } : {}),
  };
}

/** {@link search} before rendering: codes only. */
function rank(index: SearchIndex, interp: Interpretation, depth: number): SearchOutcome {
  const coverage = coverageMessage(index.manifest);
  const base = {
    ignored: [] as string[],
    uncovered: [] as string[],
    partial: false,
    suggestions: [] as Hit[],
    unmatched: [] as string[],
  };
  const empty = (message: Message, extra: Partial<SearchOutcome> = {}): SearchOutcome => ({
    hits: [],
    ...base,
    period: interp.period,
    notices: [message, coverage],
    ...extra,
  });

  // 1. Places: only countries some item is about can filter anything.
  const present = corpusCountries(index);
  const covered = interp.countries.filter((c) => present.has(c));
  const uncovered = interp.countries.filter((c) => !present.has(c));
  const placeAsked = interp.countries.length > 0 || interp.regions.length > 0;
  const noItemsAbout = (): Message => ({
    code: 'noItemsAbout',
    args: { places: uncovered, said: interp.placeNames },
  });
  if (placeAsked && covered.length === 0 && interp.regions.length === 0) {
    return empty(noItemsAbout(), { uncovered });
  }
  const placeOk = (it: StoredItem) =>
    !placeAsked || it.countries.some((c) => covered.includes(c)) || interp.regions.includes(it.region);

  // 2. Period: a bare month moves to the latest one covered; outside coverage, offer the latest.
  const resolved = resolvePeriod(index, interp.period);
  const period = resolved.period;
  const periodNote: Message | undefined =
    resolved.shifted && period
      ? {
          code: 'periodShifted',
          args: {
            ...(interp.periodText !== undefined ? { asked: interp.periodText } : {}),
            ...(interp.period ? { askedLabel: interp.period.label } : {}),
            period: period.label,
          },
        }
      : undefined;
  const periodOk = periodFilter(period);
  const filters = placeAsked || period !== null;
  // The items the filters admit, by position: computed once, then the only items scored.
  const allowed = filters
    ? admitted(index, placeAsked ? [covered, interp.regions] : undefined, period)
    : undefined;
  const gate = allowed ? gateOf(index, allowed.byPosition) : undefined;
  const admits = (pos: number) => allowed === undefined || allowed.byPosition[pos] === 1;
  if (period && allowed?.count === 0) {
    const latest = latestCoveredMonth(index, placeOk);
    // "EU last month", "Korea lately" counted from a today the digests have not reached: the
    // latest period they cover for that place or topic is what the asker can have, so it is the
    // answer, said as such.
    // A question that is only a period gets the latest period offered, not answered for it.
    const more = placeAsked || interp.groups.some((g) => !g.weak);
    if (latest && period.kind === 'relative' && more && depth === 0 && afterCoverage(index, period)) {
      const fallback = rank(index, { ...interp, period: latest }, depth + 1);
      const note: Message = {
        code: 'noItemsDatedShowingLatest',
        args: { period: period.label, latest: latest.label },
      };
      return { ...fallback, periodNotice: note, notices: [note, ...fallback.notices] };
    }
    const offer =
      latest && depth === 0 ? rank(index, { ...interp, period: latest }, depth + 1).hits.slice(0, 5) : [];
    return {
      ...empty(
        {
          code: 'noItemsDated',
          args: {
            period: period.label,
            ...(latest ? { latest: latest.label, offered: offer.length ? 1 : 0 } : {}),
          },
        },
        { uncovered },
      ),
      suggestions: offer,
      period,
    };
  }
  const passes = (it: StoredItem) => placeOk(it) && periodOk(it);
  const finish = (hits: Hit[], extra: Partial<SearchOutcome>, notes: Message[]): SearchOutcome => {
    const all = [
      ...(periodNote ? [periodNote] : []),
      ...(uncovered.length ? [noItemsAbout()] : []),
      ...notes,
    ];
    return {
      hits,
      ...base,
      uncovered,
      period,
      ...(periodNote ? { periodNotice: periodNote } : {}),
      ...extra,
      notices: all,
    };
  };

  // A URL quoted in the question: the items that cite it, digest events first.
  if (interp.urls.length) {
    const hits = itemsCiting(index, interp.urls, passes).map((item) => ({ item, score: 1 }));
    if (hits.length) return finish(hits, {}, []);
    if (!interp.groups.length) {
      return empty({ code: 'noItemCitesUrl' }, { uncovered });
    }
  }

  // 3. Concepts: each group scores every item by its best alternative. Only items that pass the
  // filters are scored (src/search/scorer.ts: MiniSearch's scores, without its result objects);
  // whether a word is in the corpus at all is still judged on the whole corpus.
  const actors = actorsById();
  const perGroup = new Map<TermGroup, GroupScores>();
  // Beside a specific word a generic one (AI) would only add a little rank, and scoring it over
  // every item is the slowest part of a query on a large corpus: it is not searched then.
  // (Specific words are searched first: when none is in the corpus, the generic ones still pick
  // the suggestions.)
  const ordered = [...interp.groups].sort((a, b) => Number(a.weak) - Number(b.weak));
  for (const g of ordered) {
    const best = new GroupScores(index.items.length);
    const specificFound = [...perGroup].some(([h, m]) => !h.weak && !h.agency && m.present);
    if (g.weak && specificFound) {
      perGroup.set(g, best);
      continue;
    }
    // An instrument word matches the items of that type; an actor's words its own section's items.
    const categories = g.actor ? (actors.get(g.actor)?.categories ?? []) : [];
    const typed = Boolean(g.instrument) || categories.length > 0;
    // Those items rank with the best and the weakest textual match in the whole corpus, so such a
    // group is scored over every item.
    const groupGate = typed ? undefined : gate;
    for (const alt of g.alternatives) {
      const found = scoreAnd(index, alt, fuzzy, groupGate, best.keepMax);
      if (found > 0) {
        best.present = true;
        continue;
      }
      // A katakana word the corpus never spells that way (インジェクッション) is a typo or a
      // variant: one edit away, as MiniSearch's fuzzy search allows.
      const katakana = alt.length === 1 && KATAKANA_LONG.test(alt[0] as string);
      if (best.present && !katakana) continue;
      if (groupGate && anyMatch(index, alt, fuzzy)) {
        best.present = true;
        continue;
      }
      if (!katakana) continue;
      const typo = scoreAnd(index, alt, 1, groupGate, best.keepMax);
      if (typo > 0 || (groupGate && !best.present && anyMatch(index, alt, 1))) best.present = true;
    }
    // An item of the asked type ranks with the best textual match; its own section's items with the weakest.
    if (typed) {
      const top = best.size ? best.max() : 1;
      const floor = best.size ? best.min() : 1;
      // Only admitted items are ranked; any item of the type makes the concept one the corpus has.
      const f = facets(index);
      const ofType = g.instrument ? (f.instrument.get(g.instrument) ?? []) : [];
      const ofCategory = categories.flatMap((c) => f.category.get(c) ?? []);
      for (const pos of ofType) if (admits(pos)) best.keepMax(pos, top);
      const typedPos = new Set(ofType);
      for (const pos of ofCategory) if (!typedPos.has(pos) && admits(pos)) best.keepMax(pos, floor);
      if (ofType.length || ofCategory.length) best.present = true;
    }
    perGroup.set(g, best);
  }
  const wholes = [...new Set(interp.groups.flatMap((g) => g.boost))];
  const wholeScores = new GroupScores(index.items.length);
  if (wholes.length) scoreOr(index, wholes, fuzzy, gate, wholeScores.keepMax);

  const ignored = labelsNotInCorpus(interp.groups, perGroup);
  // Counted where the array is made: a `.length` read of it down in this function deoptimized
  // the ranking in a loop (hundreds of times a run, `--trace-deopt`: "wrong map").
  const ignoredCount = countOf(ignored);
  const concepts = interp.groups.filter((g) => !g.agency);
  const strong = concepts.filter((g) => !g.weak);
  // Generic words alongside a filter or a specific word only rank (what did Korea announce…).
  // Every specific concept counts the same, a word no item uses included (it is evidence the
  // question is about something else); generic words only rank beside a filter or a specific
  // word. (IDF weights were tried and lost on the tune split: askers' generic words — AISI,
  // budget — are what they mean.) Beside a country or a period, words no item uses and nothing
  // else are filler ("uk news from december for my memo"): the filters answer, and say so.
  const known = (g: TermGroup) => perGroup.get(g)?.present === true;
  // One English word at most: two unknown words beside a place ("Japan horse racing") are a topic.
  const fillerOnly =
    filters && strong.length === 1 && !known(strong[0] as TermGroup) && (strong[0] as TermGroup).untranslated;
  const weight = (g: TermGroup) =>
    g.agency || fillerOnly ? 0 : g.weak ? (strong.length || filters ? 0 : 1) : 1;
  const total = concepts.reduce((sum, g) => sum + weight(g), 0);

  if (total === 0 && !filters && !interp.groups.some((g) => g.agency) && !concepts.length) {
    return {
      ...finish([], { ignored }, []),
      notices: [{ code: 'askAboutSomething' }, coverage],
    };
  }

  // "The US federal government" and "state laws" ask for a level of the US: items of the other
  // level rank lower (an item is state-level when its title names a state: カリフォルニア州).
  const levels = new Set(interp.actors.map((id) => actors.get(id)?.level));
  const levelAsked = levels.has('state') ? 'state' : levels.has('federal') ? 'federal' : undefined;

  const titlePhrases = latinPhrases(interp.question);
  const sectionPrior = placeAsked || period ? KIND_PRIOR.sectionWithPlace : KIND_PRIOR.section;
  // With a place or a period named, dated events come before undated report and briefing
  // sections that cover as much of the question (a section mentions every country in passing).
  const eventsFirst = placeAsked || period !== null;
  const groupScores = interp.groups.map((g) => perGroup.get(g));
  const weights = interp.groups.map(weight);
  // The items to rank, in corpus order: those some concept matched (when concepts count), else
  // every item the filters admit.
  const candidates =
    total > 0
      ? matchedCandidates(groupScores, index.items.length, allowed?.byPosition)
      : admittedCandidates(index.items.length, allowed?.byPosition);
  // The ranked items, as columns (thousands of them on a large corpus: no object per item).
  const scored = scoreCandidates(index, candidates, {
    groupScores,
    weights,
    wholeScores,
    titlePhrases,
    total,
    sectionPrior,
    levelAsked,
    eventsFirst,
  });
  // Coverage band first (with a place or a period), then score, then newest first; ties keep
  // corpus order.
  const dateRank = facets(index).dateRank;
  const { pos: at, score: sc, coverage: cv, tier: tr } = scored;
  const order = (i: number, j: number) =>
    (tr[j] as number) - (tr[i] as number) ||
    (sc[j] as number) - (sc[i] as number) ||
    (dateRank[at[j] as number] as number) - (dateRank[at[i] as number] as number) ||
    i - j;
  const toHit = (i: number): Hit => ({
    item: index.items[at[i] as number] as StoredItem,
    score: sc[i] as number,
  });

  // Items covering much less of the question than the best one are noise, not answers.
  let best = 0;
  for (let i = 0; i < scored.length; i++) best = Math.max(best, cv[i] as number);
  const floor = Math.max(MIN_COVERAGE, best - 0.34) - 1e-9;
  const answers: number[] = [];
  for (let i = 0; i < scored.length; i++) if ((cv[i] as number) >= floor) answers.push(i);
  answers.sort(order);
  if (!answers.length) {
    const all = Array.from({ length: scored.length }, (_, i) => i).sort(order);
    const suggestions = all
      .sort(
        (i, j) =>
          (cv[j] as number) - (cv[i] as number) || (scored.bm[j] as number) - (scored.bm[i] as number),
      )
      .slice(0, 5);
    const top = suggestions[0] === undefined ? undefined : (at[suggestions[0]] as number);
    const unmatched = concepts
      .filter((g) => weight(g) > 0 && !(top !== undefined && perGroup.get(g)?.get(top) !== undefined))
      .map((g) => g.label);
    const head: Message = { code: 'nothingMatches', args: { words: unmatched.length ? unmatched : ignored } };
    return {
      ...finish([], { ignored, unmatched, suggestions: suggestions.map(toHit) }, [
        head,
        ...(suggestions.length ? [{ code: 'closestAsSuggestions' } as const] : []),
        coverage,
      ]),
    };
  }
  const notes: Message[] = [];
  const partial = (answers[0] === undefined ? 1 : (cv[answers[0]] as number)) < 1 - 1e-9;
  if (ignoredCount > 0 && answers.length > 0) {
    notes.push({ code: 'ignoredNotInCorpus', args: { words: ignored } });
  }
  if (partial && ignoredCount === 0) {
    notes.push({ code: 'noItemMatchesEvery' });
  }
  return finish(answers.map(toHit), { ignored, partial }, notes);
}

/**
 * Makes the per-index tables every search reads (facets, date ranks, folded titles, the dated
 * span, the scorer's id maps) now, rather than on the first question after a load or a reload:
 * ≈0.1–0.3 s at 10 000 items that the first asker would otherwise wait for.
 */
export function warmSearch(index: SearchIndex): void {
  corpusCountries(index);
  dateTable(index);
  if (index.items.length) foldedTitle(index, 0);
  datedSpanOf(index);
  // (Scoring's id maps and field lengths are made by its first call, whichever it is.)
  modelled(index);
}

/**
 * The Latin phrases of two words or more (≥ 6 characters) in a question, lowercased: a name
 * typed as a title prints it. (Plain loops here and below: the array builtins inlined into the
 * ranking deoptimized it again and again on arrays of two element kinds, measured with
 * `--trace-deopt`.)
 */
function latinPhrases(question: string): string[] {
  const out: string[] = [];
  for (const m of normalize(question).matchAll(LATIN_PHRASE)) {
    const p = m[0].toLowerCase();
    if (p.length >= 6) out.push(p);
  }
  return out;
}
const LATIN_PHRASE = /[A-Za-z0-9][A-Za-z0-9.-]*(?: [A-Za-z0-9][A-Za-z0-9.-]*)+/g;

/** The positions some concept scored that the filters admit, ascending (corpus order). */
function matchedCandidates(
  groupScores: readonly (GroupScores | undefined)[],
  n: number,
  admitted: Uint8Array | undefined,
): Int32Array {
  const seen = new Uint8Array(n);
  let count = 0;
  for (let g = 0; g < groupScores.length; g++) {
    const at = groupScores[g]?.at;
    if (!at) continue;
    for (let k = 0; k < at.length; k++) {
      const pos = at[k] as number;
      if (seen[pos] === 0 && (admitted === undefined || admitted[pos] === 1)) {
        seen[pos] = 1;
        count++;
      }
    }
  }
  const out = new Int32Array(count);
  let i = 0;
  for (let pos = 0; pos < n && i < count; pos++) if (seen[pos] === 1) out[i++] = pos;
  return out;
}

/** Every position the filters admit, ascending. */
function admittedCandidates(n: number, admitted: Uint8Array | undefined): Int32Array {
  let count = 0;
  for (let pos = 0; pos < n; pos++) if (admitted === undefined || admitted[pos] === 1) count++;
  const out = new Int32Array(count);
  let i = 0;
  for (let pos = 0; pos < n; pos++) if (admitted === undefined || admitted[pos] === 1) out[i++] = pos;
  return out;
}

/** An array's length, read outside the ranking's optimized code. */
function countOf(list: readonly unknown[]): number {
  return list.length;
}

/** The labels of the specific concepts no item uses (filters aside). */
function labelsNotInCorpus(groups: readonly TermGroup[], perGroup: Map<TermGroup, GroupScores>): string[] {
  const out: string[] = [];
  for (const g of groups) if (!g.agency && !g.weak && perGroup.get(g)?.present !== true) out.push(g.label);
  return out;
}

/** What {@link scoreCandidates} needs of a question's ranking. */
interface RankContext {
  groupScores: (GroupScores | undefined)[];
  weights: number[];
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
function scoreCandidates(
  index: SearchIndex,
  candidates: Iterable<number> & ArrayLike<number>,
  c: RankContext,
): Scored {
  const { groupScores, weights, wholeScores, titlePhrases, total, sectionPrior, levelAsked, eventsFirst } = c;
  const { section, usLevel } = facets(index);
  const scored = new Scored(candidates.length);
  for (let k = 0; k < candidates.length; k++) {
    const pos = candidates[k] as number;
    let bm = 0;
    let got = 0;
    let matched = 0;
    for (let i = 0; i < groupScores.length; i++) {
      const s = groupScores[i]?.get(pos);
      if (s === undefined) continue;
      const w = weights[i] as number;
      matched++;
      got += w;
      bm += w > 0 ? s : 0.5 * s;
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
    scored.push(pos, score, cov, bm * prior, tier);
  }
  return scored;
}

/** Whether an item's folded title contains one of the question's Latin phrases. */
function titleHasPhrase(index: SearchIndex, pos: number, phrases: readonly string[]): boolean {
  const title = foldedTitle(index, pos);
  for (const p of phrases) if (title.includes(p)) return true;
  return false;
}

const titleCaches = new WeakMap<SearchIndex, string[]>();
/**
 * An item's title as a question is compared with it (NFKC, spaced capitals joined, lowercase).
 * Every title is folded the first time one is needed (one pass, a few tens of milliseconds at
 * 10 000 items), so the cost lands on one question rather than on each of the first hundred.
 */
function foldedTitle(index: SearchIndex, pos: number): string {
  let cache = titleCaches.get(index);
  if (!cache || cache.length !== index.items.length) {
    cache = index.items.map((it) => normalize(it.title).toLowerCase());
    titleCaches.set(index, cache);
  }
  return cache[pos] as string;
}

interface Facets {
  country: Map<string, number[]>;
  region: Map<string, number[]>;
  category: Map<string, number[]>;
  instrument: Map<string, number[]>;
  /** Each item's start date as a rank, in `localeCompare` order (no date: the lowest). */
  dateRank: Int32Array;
  /** 1 for an undated report or briefing section, 0 for an event. */
  section: Uint8Array;
  /** 0: not about the US; 1: a US state's item (its title names a state); 2: the US federal level. */
  usLevel: Uint8Array;
  /** The countries some item is about. */
  countries?: Set<string>;
}
const facetCaches = new WeakMap<SearchIndex, Facets>();
/** Item positions by country, region, category and instrument, and date ranks, once per index. */
function facets(index: SearchIndex): Facets {
  let f = facetCaches.get(index);
  if (!f || f.dateRank.length !== index.items.length) {
    const add = (m: Map<string, number[]>, key: string, pos: number) => {
      const list = m.get(key);
      if (list) list.push(pos);
      else m.set(key, [pos]);
    };
    const next: Facets = {
      country: new Map(),
      region: new Map(),
      category: new Map(),
      instrument: new Map(),
      dateRank: new Int32Array(index.items.length),
      section: new Uint8Array(index.items.length),
      usLevel: new Uint8Array(index.items.length),
    };
    index.items.forEach((it, pos) => {
      next.section[pos] = it.kind === 'section' ? 1 : 0;
      next.usLevel[pos] = it.countries.includes('US') ? (isStateLevel(it) ? 1 : 2) : 0;
      for (const c of it.countries) add(next.country, c, pos);
      add(next.region, it.region, pos);
      add(next.category, it.category, pos);
      if (it.instrument) add(next.instrument, it.instrument, pos);
    });
    const dates = [...new Set(index.items.map((it) => it.date?.start ?? ''))].sort((a, b) =>
      a.localeCompare(b),
    );
    const rank = new Map<string, number>();
    let r = 0;
    dates.forEach((d, i) => {
      if (i > 0 && d.localeCompare(dates[i - 1] as string) !== 0) r++;
      rank.set(d, r);
    });
    index.items.forEach((it, pos) => {
      next.dateRank[pos] = rank.get(it.date?.start ?? '') as number;
    });
    f = next;
    facetCaches.set(index, f);
  }
  return f;
}

/**
 * The items a question's filters admit, by position (1: admitted): those about one of the
 * `place` countries or regions (any item when no place is asked), within the period.
 */
function admitted(
  index: SearchIndex,
  place: [countries: string[], regions: string[]] | undefined,
  period: Period | null,
): { byPosition: Uint8Array; count: number } {
  const n = index.items.length;
  let byPosition: Uint8Array | undefined;
  if (place) {
    byPosition = new Uint8Array(n);
    const f = facets(index);
    for (const c of place[0]) for (const pos of f.country.get(c) ?? []) byPosition[pos] = 1;
    for (const r of place[1]) for (const pos of f.region.get(r) ?? []) byPosition[pos] = 1;
  }
  if (period) {
    // The items of the period (through the date table), kept where the place admitted them too.
    const inPeriod = new Uint8Array(n);
    const placed = byPosition;
    let count = 0;
    periodAdmits(index, period, (pos) => {
      if (!placed || placed[pos] === 1) {
        inPeriod[pos] = 1;
        count++;
      }
      return false;
    });
    return { byPosition: inPeriod, count };
  }
  if (!byPosition) return { byPosition: new Uint8Array(n).fill(1), count: n };
  let count = 0;
  for (let pos = 0; pos < n; pos++) count += byPosition[pos] as number;
  return { byPosition, count };
}

let actorsSource: readonly Actor[] | undefined;
let actorsMap = new Map<string, Actor>();
/** The actors lexicon by id, rebuilt only when the lexicon is. */
function actorsById(): Map<string, Actor> {
  const list = actorsLexicon();
  if (list !== actorsSource) {
    actorsSource = list;
    actorsMap = new Map(list.map((a) => [a.id, a]));
  }
  return actorsMap;
}

/** A US item is state-level when its title names a state (ニューヨーク州知事, カリフォルニア州). */
function isStateLevel(item: StoredItem): boolean {
  return /州/.test(item.title);
}

const spans = new WeakMap<SearchIndex, { from: string; to: string } | null>();

/** The dates the index's dated items span, once per index. */
function datedSpanOf(index: SearchIndex): { from: string; to: string } | null {
  if (!spans.has(index)) spans.set(index, datedSpan(index.items.map((it) => it.date)));
  return spans.get(index) ?? null;
}

/**
 * True when a period starts after every dated item (a "today" the digests have not reached):
 * only then is the latest covered period the answer. A week inside the corpus's span that has
 * no items gets an honest "nothing then", never items from after the date asked about.
 */
function afterCoverage(index: SearchIndex, period: Period): boolean {
  const span = datedSpanOf(index);
  return !span || period.from > span.to;
}
