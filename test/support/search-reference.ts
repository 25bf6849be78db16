/**
 * The ranking as src/query/search.ts computed it before the query path was made fast (issue 13,
 * commit a90a5f5): MiniSearch's own `search` per alternative, filters applied after scoring, a
 * pass over every item. Kept verbatim (imports aside) as the reference the fast path must equal
 * — same items, same order, same scores — on every question set (test/query/search-equivalence).
 * Its messages, built here with language branches, are compared with the ones search() now
 * renders from message codes through src/present/catalogue.ts (issue 12).
 */
import type { Query } from 'minisearch';
import { normalize } from '../../src/analyze/analyzer.js';
import { actorsLexicon } from '../../src/analyze/lexicon.js';
import { coverageSentence, namesOf } from '../../src/query/coverage.js';
import { iso, lastDayOfMonth, MONTHS_EN, overlaps, parts } from '../../src/query/dates.js';
import { datedSpan, type Period, shiftYears } from '../../src/query/period.js';
import type { Interpretation, TermGroup } from '../../src/query/understand.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import type { StoredItem } from '../../src/search/stored-item.js';

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
  /** How the period was resolved, in the asker's language ("July → July 2025, …"). */
  periodNote?: string;
  /** Why the answer is empty, or a caveat about it; in the asker's language. */
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

const countryCaches = new WeakMap<SearchIndex, Set<string>>();

/** Every jurisdiction some item is about, computed once per index rather than on every query. */
function corpusCountries(index: SearchIndex): Set<string> {
  let set = countryCaches.get(index);
  if (!set) {
    set = new Set(index.items.flatMap((i) => i.countries));
    countryCaches.set(index, set);
  }
  return set;
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
  let latest = '';
  for (const it of index.items) if (it.date && passes(it) && it.date.start > latest) latest = it.date.start;
  return latest ? monthOf(latest) : undefined;
}

/** Items that a period admits: dated ones overlapping it, and for a fiscal year the undated sections naming it. */
function periodFilter(period: Period | null): (it: StoredItem) => boolean {
  if (!period) return () => true;
  const fiscal = period.fiscal !== undefined ? fiscalForms(period.fiscal) : undefined;
  return (it) =>
    it.date !== undefined
      ? overlaps(it.date, period)
      : fiscal?.test(`${it.title}\n${it.body}`.normalize('NFKC')) === true;
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
  const any = (p: Period) => index.items.some(periodFilter(p));
  if (any(period)) return { period, shifted: false };
  for (let years = 1; years <= 10; years++) {
    const earlier = shiftYears(period, years);
    if (any(earlier)) return { period: earlier, shifted: true };
  }
  return { period, shifted: false };
}

interface Scored {
  item: StoredItem;
  score: number;
  coverage: number;
  matched: Set<TermGroup>;
  /** BM25 over the matched concepts, before coverage: orders suggestions. */
  bm: number;
}

/**
 * Ranks the corpus for an interpretation. Countries, regions and the period are filters; the
 * words rank: an item's coverage is the weighted share of the question's concepts it matches
 * (each by its best synonym; a concept no item uses still counts against it), and its score is
 * BM25 within those concepts scaled by coverage. Items below {@link MIN_COVERAGE} are not
 * answers: when no item reaches it the answer abstains, says which words it could not match,
 * and offers the closest items as suggestions.
 */
export function referenceSearch(index: SearchIndex, interp: Interpretation, depth = 0): SearchOutcome {
  const lang = interp.lang;
  const coverage = coverageSentence(index.manifest, lang);
  const sep = lang === 'ja' ? '' : ' ';
  const base = {
    ignored: [] as string[],
    uncovered: [] as string[],
    partial: false,
    suggestions: [] as Hit[],
    unmatched: [] as string[],
  };
  const empty = (message: string, extra: Partial<SearchOutcome> = {}): SearchOutcome => ({
    hits: [],
    ...base,
    period: interp.period,
    message: `${message}${sep}${coverage}`,
    ...extra,
  });

  // 1. Places: only countries some item is about can filter anything.
  const present = corpusCountries(index);
  const covered = interp.countries.filter((c) => present.has(c));
  const uncovered = interp.countries.filter((c) => !present.has(c));
  const placeAsked = interp.countries.length > 0 || interp.regions.length > 0;
  const noItemsAbout = () => {
    const who = namesOf(uncovered, interp.placeNames, lang);
    return lang === 'ja' ? `${who}に関する項目はありません。` : `No items about ${who}.`;
  };
  const quoted = (words: string[]) => words.map((w) => `“${w}”`).join(lang === 'ja' ? '・' : ', ');
  if (placeAsked && covered.length === 0 && interp.regions.length === 0) {
    return empty(noItemsAbout(), { uncovered });
  }
  const placeOk = (it: StoredItem) =>
    !placeAsked || it.countries.some((c) => covered.includes(c)) || interp.regions.includes(it.region);

  // 2. Period: a bare month moves to the latest one covered; outside coverage, offer the latest.
  const resolved = resolvePeriod(index, interp.period);
  const period = resolved.period;
  const asked = interp.periodText ?? interp.period?.label[lang] ?? '';
  const periodNote =
    resolved.shifted && period
      ? lang === 'ja'
        ? `「${asked}」は、コーパスにある直近の${period.label.ja}として検索しました。`
        : `“${asked}” → ${period.label.en}, the latest such period the digests cover.`
      : undefined;
  const periodOk = periodFilter(period);
  if (period && !index.items.some((it) => placeOk(it) && periodOk(it))) {
    const label = period.label[lang];
    const latest = latestCoveredMonth(index, placeOk);
    // "EU last month", "Korea lately" counted from a today the digests have not reached: the
    // latest period they cover for that place or topic is what the asker can have, so it is the
    // answer, said as such.
    // A question that is only a period gets the latest period offered, not answered for it.
    const more = placeAsked || interp.groups.some((g) => !g.weak);
    if (latest && period.kind === 'relative' && more && depth === 0 && afterCoverage(index, period)) {
      const fallback = referenceSearch(index, { ...interp, period: latest }, depth + 1);
      const note =
        lang === 'ja'
          ? `${label}の項目はありません。収録されている最新の期間(${latest.label.ja})を表示します。`
          : `No items dated ${label}; showing ${latest.label.en}, the latest period covered.`;
      return {
        ...fallback,
        periodNote: note,
        message: [note, fallback.message].filter(Boolean).join(sep),
      };
    }
    const offer =
      latest && depth === 0
        ? referenceSearch(index, { ...interp, period: latest }, depth + 1).hits.slice(0, 5)
        : [];
    const latestText = latest
      ? lang === 'ja'
        ? `収録されている最新の期間は${latest.label.ja}です${offer.length ? '(その項目を候補として示します)' : ''}。`
        : `The latest period covered is ${latest.label.en}${offer.length ? ' (its items are offered as suggestions)' : ''}.`
      : '';
    return {
      ...empty(
        lang === 'ja'
          ? `${label}の項目はありません。${latestText}`
          : `No items dated ${label}. ${latestText}`,
        { uncovered },
      ),
      suggestions: offer,
      period,
    };
  }
  const passes = (it: StoredItem) => placeOk(it) && periodOk(it);
  const filters = placeAsked || period !== null;
  const finish = (hits: Hit[], extra: Partial<SearchOutcome>, notes: string[]): SearchOutcome => {
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
      ...(periodNote ? { periodNote } : {}),
      ...extra,
      ...(all.length ? { message: all.join(sep) } : {}),
    };
  };

  // A URL quoted in the question: the items that cite it, digest events first.
  if (interp.urls.length) {
    const hits = itemsCiting(index, interp.urls, passes).map((item) => ({ item, score: 1 }));
    if (hits.length) return finish(hits, {}, []);
    if (!interp.groups.length) {
      return empty(lang === 'ja' ? 'そのURLを出典とする項目はありません。' : 'No item cites that URL.', {
        uncovered,
      });
    }
  }

  // 3. Concepts: each group scores every item by its best alternative.
  const actors = new Map(actorsLexicon().map((a) => [a.id, a]));
  const perGroup = new Map<TermGroup, Map<string, number>>();
  // Beside a specific word a generic one (AI) would only add a little rank, and scoring it over
  // every item is the slowest part of a query on a large corpus: it is not searched then.
  // (Specific words are searched first: when none is in the corpus, the generic ones still pick
  // the suggestions.)
  const ordered = [...interp.groups].sort((a, b) => Number(a.weak) - Number(b.weak));
  for (const g of ordered) {
    const best = new Map<string, number>();
    const specificFound = [...perGroup].some(([h, m]) => !h.weak && !h.agency && m.size > 0);
    if (g.weak && specificFound) {
      perGroup.set(g, best);
      continue;
    }
    for (const alt of g.alternatives) {
      const query: Query = alt.length === 1 ? (alt[0] as string) : { combineWith: 'AND', queries: alt };
      let found = index.mini.search(query, { fuzzy });
      // A katakana word the corpus never spells that way (インジェクッション) is a typo or a
      // variant: one edit away, as MiniSearch's fuzzy search allows.
      if (!found.length && alt.length === 1 && KATAKANA_LONG.test(alt[0] as string))
        found = index.mini.search(query, { fuzzy: 1 });
      for (const r of found) {
        const id = String(r.id);
        best.set(id, Math.max(best.get(id) ?? 0, r.score / alt.length));
      }
    }
    // An instrument word matches the items of that type; an actor's words its own section's items.
    const categories = g.actor ? (actors.get(g.actor)?.categories ?? []) : [];
    // An item of the asked type ranks with the best textual match; its own section's items with the weakest.
    if (g.instrument || categories.length) {
      const top = best.size ? Math.max(...best.values()) : 1;
      const floor = best.size ? Math.min(...best.values()) : 1;
      for (const it of index.items) {
        if (g.instrument && it.instrument === g.instrument)
          best.set(it.id, Math.max(best.get(it.id) ?? 0, top));
        else if (categories.includes(it.category)) best.set(it.id, Math.max(best.get(it.id) ?? 0, floor));
      }
    }
    perGroup.set(g, best);
  }
  const wholes = [...new Set(interp.groups.flatMap((g) => g.boost))];
  const wholeScores = new Map<string, number>();
  if (wholes.length)
    for (const r of index.mini.search({ combineWith: 'OR', queries: wholes }, { fuzzy }))
      wholeScores.set(String(r.id), r.score);

  const ignored = interp.groups
    .filter((g) => !g.agency && !g.weak && (perGroup.get(g)?.size ?? 0) === 0)
    .map((g) => g.label);
  const concepts = interp.groups.filter((g) => !g.agency);
  const strong = concepts.filter((g) => !g.weak);
  // Generic words alongside a filter or a specific word only rank (what did Korea announce…).
  // Every specific concept counts the same, a word no item uses included (it is evidence the
  // question is about something else); generic words only rank beside a filter or a specific
  // word. (IDF weights were tried and lost on the tune split: askers' generic words — AISI,
  // budget — are what they mean.) Beside a country or a period, words no item uses and nothing
  // else are filler ("uk news from december for my memo"): the filters answer, and say so.
  const known = (g: TermGroup) => (perGroup.get(g)?.size ?? 0) > 0;
  // One English word at most: two unknown words beside a place ("Japan horse racing") are a topic.
  const fillerOnly =
    filters && strong.length === 1 && !known(strong[0] as TermGroup) && (strong[0] as TermGroup).untranslated;
  const weight = (g: TermGroup) =>
    g.agency || fillerOnly ? 0 : g.weak ? (strong.length || filters ? 0 : 1) : 1;
  const total = concepts.reduce((sum, g) => sum + weight(g), 0);

  if (total === 0 && !filters && !interp.groups.some((g) => g.agency) && !concepts.length) {
    return {
      ...finish([], { ignored }, []),
      message:
        lang === 'ja'
          ? `国・地域、期間、またはトピックを含めて質問してください(例: 「韓国は1月に何をした?」)。${coverage}`
          : `Ask about a country, a period or a topic (for example “what did Korea do in January”). ${coverage}`,
    };
  }

  // "The US federal government" and "state laws" ask for a level of the US: items of the other
  // level rank lower (an item is state-level when its title names a state: カリフォルニア州).
  const levels = new Set(interp.actors.map((id) => actors.get(id)?.level));
  const levelAsked = levels.has('state') ? 'state' : levels.has('federal') ? 'federal' : undefined;

  const titlePhrases = (
    normalize(interp.question).match(/[A-Za-z0-9][A-Za-z0-9.-]*(?: [A-Za-z0-9][A-Za-z0-9.-]*)+/g) ?? []
  )
    .map((p) => p.toLowerCase())
    .filter((p) => p.length >= 6);
  const scored: Scored[] = [];
  const sectionPrior = placeAsked || period ? KIND_PRIOR.sectionWithPlace : KIND_PRIOR.section;
  for (const item of index.items) {
    if (!passes(item)) continue;
    let bm = 0;
    let got = 0;
    const matched = new Set<TermGroup>();
    for (const g of interp.groups) {
      const s = perGroup.get(g)?.get(item.id);
      if (s === undefined) continue;
      matched.add(g);
      got += weight(g);
      bm += weight(g) > 0 ? s : 0.5 * s;
    }
    bm += wholeScores.get(item.id) ?? 0;
    // A name typed as the title prints it ("AI Action Plan") is that item's own name.
    if (titlePhrases.length && titlePhrases.some((p) => foldedTitle(index, item).includes(p))) bm *= 1.5;
    const cov = total > 0 ? got / total : 1;
    if (total > 0 && matched.size === 0) continue;
    const prior =
      (item.kind === 'section' ? sectionPrior : KIND_PRIOR.event) *
      (levelAsked && item.countries.includes('US') && isStateLevel(item) !== (levelAsked === 'state')
        ? 0.5
        : 1);
    // Filters only: every match, dated events first and newest first, names of actors ranking.
    const score = total > 0 ? (bm + 1) * cov * cov * prior : prior * (1 + bm);
    scored.push({ item, score, coverage: cov, matched, bm: bm * prior });
  }
  // With a place or a period named, dated events come before undated report and briefing
  // sections that cover as much of the question (a section mentions every country in passing).
  const eventsFirst = placeAsked || period !== null;
  const tier = (s: Scored) =>
    eventsFirst ? Math.round(s.coverage * 100) * 2 + (s.item.kind === 'event' ? 1 : 0) : 0;
  const order = (a: Scored, b: Scored) =>
    tier(b) - tier(a) || b.score - a.score || newestFirst(a.item, b.item);
  scored.sort(order);
  const toHit = (s: Scored): Hit => ({ item: s.item, score: s.score });

  // Items covering much less of the question than the best one are noise, not answers.
  const best = scored.reduce((m, s) => Math.max(m, s.coverage), 0);
  const floor = Math.max(MIN_COVERAGE, best - 0.34) - 1e-9;
  const answers = scored.filter((s) => s.coverage >= floor);
  if (!answers.length) {
    const suggestions = [...scored].sort((a, b) => b.coverage - a.coverage || b.bm - a.bm).slice(0, 5);
    const top = suggestions[0];
    const unmatched = concepts
      .filter((g) => weight(g) > 0 && !(top?.matched.has(g) ?? false))
      .map((g) => g.label);
    const words = quoted(unmatched.length ? unmatched : ignored);
    const head =
      lang === 'ja' ? `${words}に一致する項目はありません。` : `Nothing in the corpus matches ${words}.`;
    const offer = suggestions.length
      ? lang === 'ja'
        ? '近い項目を候補として示します(質問への回答ではありません)。'
        : 'The closest items are listed as suggestions, not answers.'
      : '';
    return {
      ...finish([], { ignored, unmatched, suggestions: suggestions.map(toHit) }, [
        head,
        ...(offer ? [offer] : []),
        coverage,
      ]),
    };
  }
  const notes: string[] = [];
  const partial = (answers[0]?.coverage ?? 1) < 1 - 1e-9;
  if (ignored.length && answers.length) {
    notes.push(
      lang === 'ja'
        ? `${quoted(ignored)}はコーパスにないため無視しました。`
        : `Ignored ${quoted(ignored)}: not in the corpus.`,
    );
  }
  if (partial && !ignored.length) {
    notes.push(
      lang === 'ja'
        ? 'すべての語を含む項目はないため、大半の語を含む項目を表示しています。'
        : 'No item matches every term; showing items that match most of them.',
    );
  }
  return finish(answers.map(toHit), { ignored, partial }, notes);
}

const titleCaches = new WeakMap<SearchIndex, Map<string, string>>();
/** An item's title as a question is compared with it (NFKC, spaced capitals joined, lowercase), once per index. */
function foldedTitle(index: SearchIndex, item: StoredItem): string {
  let cache = titleCaches.get(index);
  if (!cache) {
    cache = new Map();
    titleCaches.set(index, cache);
  }
  let t = cache.get(item.id);
  if (t === undefined) {
    t = normalize(item.title).toLowerCase();
    cache.set(item.id, t);
  }
  return t;
}

/** A US item is state-level when its title names a state (ニューヨーク州知事, カリフォルニア州). */
function isStateLevel(item: StoredItem): boolean {
  return /州/.test(item.title);
}

const spans = new WeakMap<SearchIndex, { from: string; to: string } | null>();

/**
 * True when a period starts after every dated item (a "today" the digests have not reached):
 * only then is the latest covered period the answer. A week inside the corpus's span that has
 * no items gets an honest "nothing then", never items from after the date asked about.
 */
function afterCoverage(index: SearchIndex, period: Period): boolean {
  if (!spans.has(index)) spans.set(index, datedSpan(index.items.map((it) => it.date)));
  const span = spans.get(index);
  return !span || period.from > span.to;
}
