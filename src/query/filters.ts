import type { Message } from '../present/catalogue.js';
import type { SearchIndex } from '../search/index-store.js';
import { type Gate, gateOf } from '../search/scorer.js';
import type { StoredItem } from '../search/stored-item.js';
import { dateTable, eachDatedIn } from './date-table.js';
import { iso, lastDayOfMonth, MONTHS_EN, overlaps, parts } from './dates.js';
import { corpusCountries, facets } from './facets.js';
import { datedSpan, type Period, shiftYears } from './period.js';
import type { Interpretation } from './understand.js';

/**
 * The filters stage: a question's places and period → the items they admit. Places are hard
 * filters (only countries some item is about can filter anything: the others are said to have
 * no items); a bare month moves to its latest occurrence the corpus covers; a relative period
 * after the corpus ends ("this week", "recently" asked today) becomes the latest covered month,
 * said as such. Plain data in, plain data out.
 */
export interface FilterStage {
  placeAsked: boolean;
  /** Countries asked about that some item concerns. */
  covered: string[];
  /** Countries asked about that no item concerns (answered for the others). */
  uncovered: string[];
  /** The period as searched. */
  period: Period | null;
  /** How the period was resolved, when it was moved. */
  periodNotice?: Message;
  /** True when a place or a period filters the corpus. */
  filters: boolean;
  /** The items the filters admit, by position (1: admitted); undefined when nothing filters. */
  allowed?: { byPosition: Uint8Array; count: number };
  gate?: Gate;
  admits: (pos: number) => boolean;
  placeOk: (it: StoredItem) => boolean;
  passes: (it: StoredItem) => boolean;
}

/** Why the filters leave nothing to search, with what can be offered instead. */
export type FilterStop =
  | { reason: 'noItemsAbout'; uncovered: string[] }
  | {
      reason: 'noItemsDated';
      period: Period;
      uncovered: string[];
      /** The latest month the place's items reach, offered as suggestions (its items). */
      latest?: Period;
    };

/** The forms a fiscal year takes in the documents: 令和7年度, R7年度, 2025年度, FY2025. */
function fiscalForms(fy: number): RegExp {
  const reiwa = fy - 2018;
  return new RegExp(
    `(?:令和\\s*${reiwa}\\s*年度|R\\s*${reiwa}\\s*年度|${fy}\\s*年度|FY\\s*${fy}|FY\\s*${String(fy).slice(2)}(?!\\d))`,
    'i',
  );
}

/** The calendar month a date is in, as a period. */
export const monthOf = (date: string): Period => {
  const [y, m] = parts(date);
  return {
    from: iso(y, m, 1),
    to: iso(y, m, lastDayOfMonth(y, m)),
    label: { en: `${MONTHS_EN[m - 1]} ${y}`, ja: `${y}年${m}月` },
    kind: 'absolute',
  };
};

/** The latest month some dated item (that `passes`) falls in: what "the latest covered period" offers. */
export function latestCoveredMonth(
  index: SearchIndex,
  passes: (it: StoredItem) => boolean = () => true,
): Period | undefined {
  // Latest start first: the first item that passes has the latest start of those that pass.
  const { positions, starts } = dateTable(index);
  for (let i = positions.length - 1; i >= 0; i--)
    if (passes(index.items[positions[i] as number] as StoredItem)) return monthOf(starts[i] as string);
  return undefined;
}

/**
 * An item's title and body, NFKC, made once per item: what a fiscal year is looked for in, and
 * what a law's name written together is (candidates.ts).
 */
const foldedTexts = new WeakMap<StoredItem, string>();
export function foldedText(it: StoredItem): string {
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
 * Calls `visit` with every item `period` admits (dated items overlapping it, through the date
 * table; undated sections naming its fiscal year), until `visit` returns true. Returns whether it did.
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

const spans = new WeakMap<SearchIndex, { from: string; to: string } | null>();
/** The dates the index's dated items span, once per index. */
export function datedSpanOf(index: SearchIndex): { from: string; to: string } | null {
  if (!spans.has(index)) spans.set(index, datedSpan(index.items.map((it) => it.date)));
  return spans.get(index) ?? null;
}

/**
 * True when a period starts after every dated item (a "today" the digests have not reached):
 * only then is the latest covered period the answer. A week inside the corpus's span that has
 * no items gets an honest "nothing then", never items from after the date asked about.
 */
export function afterCoverage(index: SearchIndex, period: Period): boolean {
  const span = datedSpanOf(index);
  return !span || period.from > span.to;
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

/**
 * Applies the places and the period of `interp`. Returns the stage, or why nothing can pass the
 * filters. A relative period after the corpus ends is replaced by the latest month the place's
 * items reach (`periodNotice` says so, with how old it is) — "this week" asked months after the
 * last digest answers with the newest items rather than with nothing.
 */
export function applyFilters(
  index: SearchIndex,
  interp: Interpretation,
  today: string,
): FilterStage | FilterStop {
  const present = corpusCountries(index);
  // A country named only through a city or state is no filter: the place is required instead.
  const filtering = interp.countries.filter((c) => !interp.viaPlaces?.includes(c));
  const covered = filtering.filter((c) => present.has(c));
  const uncovered = filtering.filter((c) => !present.has(c));
  const placeAsked = filtering.length > 0 || interp.regions.length > 0;
  if (placeAsked && covered.length === 0 && interp.regions.length === 0)
    return { reason: 'noItemsAbout', uncovered };
  const placeOk = (it: StoredItem) =>
    !placeAsked || it.countries.some((c) => covered.includes(c)) || interp.regions.includes(it.region);

  const resolved = resolvePeriod(index, interp.period);
  let period = resolved.period;
  let periodNotice: Message | undefined =
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
  if (period?.kind === 'relative' && afterCoverage(index, period)) {
    const latest = latestCoveredMonth(index, placeOk);
    if (latest) {
      periodNotice = {
        code: 'noItemsDatedShowingLatest',
        args: { period: period.label, latest: latest.label, monthsAgo: monthsBetween(latest.from, today) },
      };
      period = latest;
    }
  }
  const filters = placeAsked || period !== null;
  const allowed = filters
    ? admitted(index, placeAsked ? [covered, interp.regions] : undefined, period)
    : undefined;
  if (period && allowed?.count === 0) {
    const latest = latestCoveredMonth(index, placeOk);
    return { reason: 'noItemsDated', period, uncovered, ...(latest ? { latest } : {}) };
  }
  const periodOk = periodFilter(period);
  return {
    placeAsked,
    covered,
    uncovered,
    period,
    ...(periodNotice ? { periodNotice } : {}),
    filters,
    ...(allowed ? { allowed, gate: gateOf(index, allowed.byPosition) } : {}),
    admits: (pos) => allowed === undefined || allowed.byPosition[pos] === 1,
    placeOk,
    passes: (it) => placeOk(it) && periodOk(it),
  };
}

/** Whole months from the month of `from` to the month of `to` (0 when `to` is not later). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(to);
  return Math.max(0, (y2 - y1) * 12 + (m2 - m1));
}

/** Whether the stage result is a stop. */
export const isStop = (r: FilterStage | FilterStop): r is FilterStop => 'reason' in r;
