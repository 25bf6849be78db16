import { actorsById } from '../analyze/lexicon.js';
import type { Message } from '../present/catalogue.js';
import type { SearchIndex } from '../search/index-store.js';
import { modelled, termDocCount } from '../search/scorer.js';
import type { StoredItem } from '../search/stored-item.js';
import { admittedCandidates, matchConcepts, matchedCandidates } from './candidates.js';
import { coverageMessage } from './coverage.js';
import { dateTable } from './date-table.js';
import { decide, type Hit, requiredConcepts, type SearchOutcome, stageNotes } from './decide.js';
import { corpusCountries, facets, foldedTitle } from './facets.js';
import { applyFilters, datedSpanOf, type FilterStage, isStop } from './filters.js';
import type { Period } from './period.js';
import { KIND_PRIOR, latinPhrases, scoreCandidates } from './score.js';
import type { Interpretation, TermGroup } from './understand.js';

export type { Hit, SearchOutcome } from './decide.js';
export { resolvePeriod } from './filters.js';

/**
 * A question's search, as stages (each its own module, plain data between them):
 * filters (places, period: filters.ts) → candidates (each concept scored, and judged on the
 * whole corpus: candidates.ts) → score (coverage × BM25 columns: score.ts) → decide (answer, or
 * abstain with the reason and labelled suggestions: decide.ts). Grouping into events and paging
 * follow in page.ts. Returns codes, never sentences: src/present renders them.
 */

/** URLs compare without a trailing slash or the http/https difference. */
export const normalizeUrl = (u: string) =>
  u
    .trim()
    .replace(/\/+$/, '')
    .replace(/^http:/, 'https:');

function newestFirst(a: StoredItem, b: StoredItem): number {
  const da = a.date?.start ?? '';
  const db = b.date?.start ?? '';
  return db.localeCompare(da);
}

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

/** An outcome decided before any concept is scored (no hits unless given, nothing missing). */
const early = (o: Pick<SearchOutcome, 'period' | 'notices'> & Partial<SearchOutcome>): SearchOutcome => ({
  hits: [],
  suggestions: [] as Hit[],
  unmatched: [],
  matched: [],
  missing: [],
  ...o,
});

/**
 * Ranks the corpus for an interpretation and decides the answer (see the module comment).
 * `today` dates "how old" the newest items are when a relative period is past the corpus.
 */
export function search(index: SearchIndex, interp: Interpretation, today = ''): SearchOutcome {
  return run(index, interp, today, 0);
}

/** `filtered`: the filter stage already worked out for the same filters (it never reads the concepts). */
function run(
  index: SearchIndex,
  interp: Interpretation,
  today: string,
  depth: number,
  filtered?: FilterStage,
): SearchOutcome {
  const coverage = coverageMessage(index.manifest);
  const stage = filtered ?? applyFilters(index, interp, today);
  if (isStop(stage)) {
    // (The concepts are never looked up: no place asked has items.)
    if (stage.reason === 'noItemsAbout')
      return early({
        period: interp.period,
        notices: [
          { code: 'noItemsAbout', args: { places: stage.uncovered, said: interp.placeNames } },
          coverage,
        ],
      });
    // "the UK AISI lately": nothing of the place in the last 30 days — its newest items answer.
    const newest = recentInstead(index, interp, today, depth, stage.period);
    if (newest) return newest;
    // Nothing dated then: the latest month the place's items reach is offered, as suggestions.
    const offer =
      stage.latest && depth === 0
        ? run(index, { ...interp, period: stage.latest }, today, 1).hits.slice(0, 5)
        : [];
    return early({
      suggestions: offer,
      period: stage.period,
      notices: [
        {
          code: 'noItemsDated',
          args: {
            period: stage.period.label,
            ...(stage.latest ? { latest: stage.latest.label, offered: offer.length ? 1 : 0 } : {}),
          },
        },
        coverage,
      ],
    });
  }

  // A URL quoted in the question: the items that cite it, digest events first.
  if (interp.urls.length) {
    const hits = itemsCiting(index, interp.urls, stage.passes).map((item) => ({ item, score: 1 }));
    if (hits.length)
      return early({
        hits,
        period: stage.period,
        notices: stageNotes(stage, interp),
      });
    if (!interp.groups.length)
      return early({
        period: stage.period,
        notices: [{ code: 'noItemCitesUrl' }, coverage],
      });
  }

  const matches = matchConcepts(index, interp.groups, stage, interp.rank);
  const concepts = interp.groups.filter((g) => !g.agency);
  const strong = concepts.filter((g) => !g.weak);
  // Generic words alongside a filter or a specific word only rank (what did Korea announce…).
  const weight = (g: TermGroup): number =>
    g.agency ? 0 : g.weak ? (strong.length || stage.filters ? 0 : 1) : 1;
  const weights = interp.groups.map(weight);
  const shares = interp.groups.map((g, i) => (weights[i] as number) * (g.weak ? 1 : specificity(index, g)));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0 && !stage.filters && !interp.groups.some((g) => g.agency)) {
    return early({
      period: stage.period,
      notices: [{ code: 'askAboutSomething' }, coverage],
    });
  }
  const required = requiredConcepts(interp.groups, matches);
  const scored = scoreCandidates(
    index,
    total > 0
      ? matchedCandidates(
          interp.groups.map((g) => matches.perGroup.get(g)),
          index.items.length,
          stage.allowed?.byPosition,
        )
      : admittedCandidates(index.items.length, stage.allowed?.byPosition),
    rankContext(interp, stage, matches, weights, shares, required, total),
  );
  const outcome = decide({
    index,
    interp,
    stage,
    matches,
    scored,
    required,
    today,
    coverage,
  });
  // Every concept missing ("uk news about horse racing"): the closest items are what the rest of
  // the question (its filters) finds, still as suggestions.
  if (outcome.missing.length && !outcome.suggestions.length && depth === 0) {
    const rest = { ...interp, groups: interp.groups.filter((g) => !outcome.missing.includes(g.label)) };
    if (rest.groups.length || stage.filters) {
      const closest = run(index, rest, today, 1, stage);
      return {
        ...outcome,
        suggestions: (closest.hits.length ? closest.hits : closest.suggestions).slice(0, 5),
      };
    }
  }
  // Words the corpus has, asked of a period none of their items is dated in ("ofcom in december",
  // 偽情報って最近何かあった？): said so — not "nothing matches" — with their items of other dates,
  // newest first, as suggestions.
  const unanswered =
    depth === 0 && !outcome.hits.length && !outcome.missing.length
      ? outcome.notices.find((m) => m.code === 'nothingMatches' || m.code === 'noItemCoversAll')
      : undefined;
  if (unanswered && stage.period) {
    const newest = recentInstead(index, interp, today, depth, stage.period);
    if (newest) return newest;
    const anyDate = run(index, { ...interp, period: null }, today, 1);
    // (newest first: the asker wanted recent news)
    const offered = [...anyDate.hits]
      .sort((a, b) => (b.item.date?.start ?? '').localeCompare(a.item.date?.start ?? ''))
      .slice(0, 5);
    if (offered.length)
      return offering(outcome, unanswered, offered, [
        { code: 'nothingInPeriod', args: { ...unanswered.args, period: stage.period.label } },
        { code: 'otherDatesAsSuggestions' },
        coverage,
      ]);
  }
  // …and asked of a place none of their items is about ("deepfake rules in korea"): said so, with
  // their items about other places as suggestions — never "nothing matches" for words the corpus has.
  if (unanswered && stage.placeAsked && !stage.period) {
    const anywhere = run(index, { ...interp, countries: [], regions: [] }, today, 1);
    const offered = anywhere.hits.slice(0, 5);
    if (offered.length)
      return offering(outcome, unanswered, offered, [
        {
          code: 'nothingInPlace',
          args: {
            ...unanswered.args,
            places: [...stage.covered, ...interp.regions],
            said: interp.placeNames,
          },
        },
        { code: 'otherPlacesAsSuggestions' },
        coverage,
      ]);
  }
  return outcome;
}

/**
 * For "lately" asked of a subject (`interp.recent`) that the last 30 days hold nothing of: the
 * subject's newest items up to today, as answers, saying that nothing is recent and how old they
 * are — not suggestions, since the asker named no window, only wanted the newest.
 */
function recentInstead(
  index: SearchIndex,
  interp: Interpretation,
  today: string,
  depth: number,
  window: Period,
): SearchOutcome | undefined {
  if (!interp.recent || depth > 0) return undefined;
  const newest = run(index, { ...interp, period: null, latest: true, recent: false }, today, 1);
  if (!newest.hits.length) return undefined;
  const note = newest.notices.find((m) => m.code === 'newestItems');
  return {
    ...newest,
    period: null,
    notices: [
      { code: 'nothingRecent', args: { period: window.label, ...(note?.args ?? {}) } },
      ...newest.notices.filter((m) => m !== note),
    ],
  };
}

/** An unanswered outcome said again: why (`instead` of `unanswered`), with `offered` as suggestions. */
function offering(
  outcome: SearchOutcome,
  unanswered: Message,
  offered: Hit[],
  instead: Message[],
): SearchOutcome {
  const kept = outcome.notices.filter(
    (m) => m !== unanswered && m.code !== 'closestAsSuggestions' && m.code !== 'coverage',
  );
  return { ...outcome, suggestions: offered, notices: [...kept, ...instead] };
}

function rankContext(
  interp: Interpretation,
  stage: FilterStage,
  matches: ReturnType<typeof matchConcepts>,
  weights: number[],
  shares: number[],
  required: Uint8Array,
  total: number,
) {
  // "The US federal government" and "state laws" ask for a level of the US: items of the other
  // level rank lower (an item is state-level when its title names a state: カリフォルニア州).
  const actors = actorsById();
  const levels = new Set(interp.actors.map((id) => actors.get(id)?.level));
  const levelAsked: 'state' | 'federal' | undefined = levels.has('state')
    ? 'state'
    : levels.has('federal')
      ? 'federal'
      : undefined;
  const period = stage.period;
  return {
    groupScores: interp.groups.map((g) => matches.perGroup.get(g)),
    weights,
    shares,
    required,
    wholeScores: matches.wholeScores,
    titlePhrases: latinPhrases(interp.question),
    total,
    sectionPrior: sectionPrior(interp, stage.placeAsked, period !== null),
    levelAsked,
    // (a question about what something is, without a period, is answered by overviews too)
    eventsFirst: (stage.placeAsked && !interp.aboutItself) || period !== null,
  };
}

/**
 * How a report or briefing section ranks against a dated event. With a place or a period named,
 * events come first (a section mentions every country in passing); a question about what
 * something is, who or when ranks them alike; one asking something of its subject (its role,
 * staff, budget, head: `aspects`) is answered by the sections about it before its news.
 */
function sectionPrior(interp: Interpretation, placeAsked: boolean, periodAsked: boolean): number {
  if (!periodAsked && interp.rank?.length) return KIND_PRIOR.sectionAsked;
  if (!periodAsked && interp.aboutItself) return KIND_PRIOR.event;
  return placeAsked || periodAsked ? KIND_PRIOR.sectionWithPlace : KIND_PRIOR.section;
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
  facets(index);
  modelled(index);
}

/**
 * How much a concept is of the question: the rarer its words in this corpus, the more (log of
 * items over the items using its most common reading). "Flood forecasting with machine learning"
 * is about floods, which few items name, more than about learning, which many do; so an item on
 * floods alone covers most of it, and one on learning alone does not.
 */
function specificity(index: SearchIndex, g: TermGroup): number {
  const n = index.items.length;
  let df = 0;
  for (const alt of g.alternatives) {
    let least = Number.POSITIVE_INFINITY;
    for (const t of alt) least = Math.min(least, termDocCount(index, t));
    if (least !== Number.POSITIVE_INFINITY) df = Math.max(df, least);
  }
  return Math.max(0.3, Math.log((n + 1) / (df + 1)));
}
