import type { Query, SearchResult } from 'minisearch';
import type { SearchIndex } from '../search/index-store.js';
import type { StoredItem } from '../search/stored-item.js';
import { coverageSentence, namesOf } from './coverage.js';
import { overlaps } from './dates.js';
import type { Interpretation, TermGroup } from './understand.js';

export interface Hit {
  item: StoredItem;
  score: number;
}

export interface SearchOutcome {
  hits: Hit[];
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
const KIND_PRIOR = { event: 1, section: 0.75, sectionWithPlace: 0.5 } as const;

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

/** Fuzzy matching only for long Latin words, where a typo or plural is likely and harmless. */
const fuzzy = (term: string) => (/^[a-z]{6,}$/.test(term) ? 0.2 : false);

function groupQuery(g: TermGroup): Query {
  return {
    combineWith: 'OR',
    queries: g.alternatives.map((alt) =>
      alt.length === 1 ? (alt[0] as string) : { combineWith: 'AND', queries: alt },
    ),
  };
}

function newestFirst(a: StoredItem, b: StoredItem): number {
  const da = a.date?.start ?? '';
  const db = b.date?.start ?? '';
  return db.localeCompare(da);
}

const dfCaches = new WeakMap<SearchIndex, Map<string, number>>();

/** How many items contain a term (fuzzy as searched), memoised per index. */
function documentFrequency(index: SearchIndex): (term: string) => number {
  let cache = dfCaches.get(index);
  if (!cache) {
    cache = new Map();
    dfCaches.set(index, cache);
  }
  const counts = cache;
  return (term) => {
    let n = counts.get(term);
    if (n === undefined) {
      n = index.mini.search(term, { fuzzy }).length;
      counts.set(term, n);
    }
    return n;
  };
}

/**
 * Ranks the corpus for an interpretation. Countries, regions and the period are hard filters;
 * a question that is only filters lists every match, newest first; otherwise BM25 over the term
 * groups (all of them; failing that, most of them), title boosted. Words the corpus never uses
 * are dropped when they are a minority and make the answer empty when they are not.
 */
export function search(index: SearchIndex, interp: Interpretation): SearchOutcome {
  const lang = interp.lang;
  const coverage = coverageSentence(index.manifest, lang);
  const empty = (message: string, extra: Partial<SearchOutcome> = {}): SearchOutcome => ({
    hits: [],
    message: `${message}${lang === 'ja' ? '' : ' '}${coverage}`,
    ignored: [],
    uncovered: [],
    partial: false,
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

  // 2. Period: an item matches when its date range overlaps the period.
  const period = interp.period;
  const periodOk = (it: StoredItem) => !period || (it.date !== undefined && overlaps(it.date, period));
  if (period && !index.items.some((it) => it.date && overlaps(it.date, period))) {
    const label = period.label[lang];
    return empty(lang === 'ja' ? `${label}の項目はありません。` : `No items dated ${label}.`, { uncovered });
  }
  const passes = (it: StoredItem) => placeOk(it) && periodOk(it);

  // A URL quoted in the question: the items that cite it, digest events first.
  if (interp.urls.length) {
    const hits = itemsCiting(index, interp.urls, passes).map((item) => ({ item, score: 1 }));
    if (hits.length) return { hits, ignored: [], uncovered, partial: false };
    if (!interp.groups.length) {
      return empty(lang === 'ja' ? 'そのURLを出典とする項目はありません。' : 'No item cites that URL.', {
        uncovered,
      });
    }
  }

  // 3. Terms: drop words the corpus never uses, unless they are most of the question.
  const df = documentFrequency(index);
  const known = (term: string) => df(term) > 0;
  // A term in most items (AI) ranks nothing: BM25 gives it almost no weight, and scoring it
  // over every item is the slowest part of a query on a large corpus.
  const informative = (g: TermGroup) =>
    g.alternatives.some((alt) => alt.every((t) => df(t) > 0 && df(t) <= index.items.length / 2));
  const usable = (g: TermGroup) => g.alternatives.some((alt) => alt.every(known));
  const filters = placeAsked || period !== null;
  const strong = interp.groups.filter((g) => !g.weak && !g.agency);
  const optional = interp.groups.filter((g) => g.agency || (g.weak && (strong.length > 0 || filters)));
  const required = interp.groups.filter((g) => !optional.includes(g));
  const knownRequired = required.filter(usable);
  const unknown = required.filter((g) => !usable(g));
  const ignored = unknown.map((g) => g.label);
  if (unknown.length > 0 && (knownRequired.length === 0 || unknown.length > knownRequired.length)) {
    const words = quoted(ignored);
    return empty(
      lang === 'ja' ? `${words}に一致する項目はありません。` : `Nothing in the corpus matches ${words}.`,
      {
        ignored,
        uncovered,
      },
    );
  }
  const boosts = optional.filter(informative);
  const wholes = [...new Set(knownRequired.flatMap((g) => g.boost))].filter(known);
  const boostScores = new Map<string, number>();
  // An exact compound (人工知能基本計画) counts in full; an optional word (AI, an agency) by half.
  const addBoost = (queries: Query[], weight: number) => {
    if (!queries.length) return;
    for (const r of index.mini.search({ combineWith: 'OR', queries }, { fuzzy })) {
      boostScores.set(String(r.id), (boostScores.get(String(r.id)) ?? 0) + weight * r.score);
    }
  };
  addBoost(wholes, 1);
  addBoost(boosts.map(groupQuery), 0.5);

  let hits: Hit[];
  let partial = false;
  if (knownRequired.length === 0) {
    if (!filters && !boosts.length) {
      return {
        hits: [],
        message:
          lang === 'ja'
            ? `国・地域、期間、またはトピックを含めて質問してください(例: 「韓国は1月に何をした?」)。${coverage}`
            : `Ask about a country, a period or a topic (for example “what did Korea do in January”). ${coverage}`,
        ignored,
        uncovered,
        partial: false,
      };
    }
    // Only filters: every match, newest first (undated sections after dated events).
    hits = index.items
      .filter((it) => passes(it) && (filters || boostScores.has(it.id)))
      .map((item) => ({ item, score: boostScores.get(item.id) ?? 0 }))
      .sort((a, b) => b.score - a.score || newestFirst(a.item, b.item));
  } else {
    // Each group scores by its best alternative (synonyms are not added up: an item that says
    // both AISI and AIセーフティ・インスティテュート is not twice as relevant), per term of it.
    const filter = (r: SearchResult) => passes(index.byId.get(String(r.id)) as StoredItem);
    const perGroup = knownRequired.map((g) => {
      const best = new Map<string, number>();
      for (const alt of g.alternatives) {
        const query: Query = alt.length === 1 ? (alt[0] as string) : { combineWith: 'AND', queries: alt };
        for (const r of index.mini.search(query, { fuzzy, filter })) {
          const id = String(r.id);
          best.set(id, Math.max(best.get(id) ?? 0, r.score / alt.length));
        }
      }
      return best;
    });
    const scored = (need: number) => {
      const totals = new Map<string, { score: number; groups: number }>();
      for (const best of perGroup) {
        for (const [id, score] of best) {
          const t = totals.get(id) ?? { score: 0, groups: 0 };
          totals.set(id, { score: t.score + score, groups: t.groups + 1 });
        }
      }
      return [...totals].filter(([, t]) => t.groups >= need);
    };
    let results = scored(knownRequired.length);
    // Never fall back after dropping unknown words: "quantum computing regulation" must not
    // turn into "regulation".
    if (!results.length && knownRequired.length > 1 && ignored.length === 0) {
      // No item has every term: accept items with most of them, and say so.
      results = scored(Math.ceil(knownRequired.length / 2));
      partial = results.length > 0;
    }
    hits = results
      .map(([id, t]) => {
        const item = index.byId.get(id) as StoredItem;
        // With a country filter a section matches on any passing mention of the country, so it
        // counts for less against the events that are about it.
        const prior =
          item.kind === 'section' && placeAsked ? KIND_PRIOR.sectionWithPlace : KIND_PRIOR[item.kind];
        return { item, score: (t.score + (boostScores.get(id) ?? 0)) * prior };
      })
      .sort((a, b) => b.score - a.score || newestFirst(a.item, b.item));
  }

  const notes: string[] = [];
  if (uncovered.length) notes.push(noItemsAbout());
  if (ignored.length) {
    const words = quoted(ignored);
    notes.push(
      lang === 'ja' ? `${words}はコーパスにないため無視しました。` : `Ignored ${words}: not in the corpus.`,
    );
  }
  if (partial) {
    notes.push(
      lang === 'ja'
        ? 'すべての語を含む項目はないため、大半の語を含む項目を表示しています。'
        : 'No item matches every term; showing items that match most of them.',
    );
  }
  if (!hits.length) {
    notes.push(lang === 'ja' ? '条件に一致する項目はありません。' : 'No items match.', coverage);
  }
  return {
    hits,
    ignored,
    uncovered,
    partial,
    ...(notes.length ? { message: notes.join(lang === 'ja' ? '' : ' ') } : {}),
  };
}
