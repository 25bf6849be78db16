import type { SearchIndex } from '../search/index-store.js';

/**
 * The dated items of an index sorted by start date, made once per index, so a period filter
 * visits the items that can overlap it instead of every item of the corpus.
 *
 * @remarks An item overlaps a period when it starts on or before the period's end and ends on or
 * after its start (ISO dates compared as strings, as `overlaps` in dates.ts does). Sorted by
 * start, the first condition is a prefix; the running maximum of the ends over that order is
 * non-decreasing, so the items before the first place it reaches the period's start all end
 * before it, and are skipped by a binary search. What is left is scanned.
 */
export interface DateTable {
  /** Positions (in `index.items`) of dated items, by start date, then position. */
  readonly positions: Int32Array;
  readonly starts: readonly string[];
  readonly ends: readonly string[];
  /** `maxEnd[i]`: the latest end among the first i + 1 items of that order. */
  readonly maxEnd: readonly string[];
  /** Positions of the items without a date. */
  readonly undated: Int32Array;
}

const tables = new WeakMap<SearchIndex, DateTable>();

/** Code-unit order, as `<` compares ISO dates. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The table of `index`, built on first use (one sort of the dated items). */
export function dateTable(index: SearchIndex): DateTable {
  const cached = tables.get(index);
  if (cached && cached.positions.length + cached.undated.length === index.items.length) return cached;
  const dated: number[] = [];
  const undated: number[] = [];
  index.items.forEach((it, pos) => {
    if (it.date) dated.push(pos);
    else undated.push(pos);
  });
  const start = (pos: number) => (index.items[pos]?.date?.start ?? '') as string;
  dated.sort((a, b) => cmp(start(a), start(b)) || a - b);
  const starts = dated.map(start);
  const ends = dated.map((pos) => index.items[pos]?.date?.end ?? '');
  const maxEnd: string[] = [];
  let latest = '';
  for (const end of ends) {
    if (end > latest) latest = end;
    maxEnd.push(latest);
  }
  const table = {
    positions: Int32Array.from(dated),
    starts,
    ends,
    maxEnd,
    undated: Int32Array.from(undated),
  };
  tables.set(index, table);
  return table;
}

/** The first index in `sorted` whose value `before` no longer holds for (all before it hold). */
function firstNot(sorted: readonly string[], before: (value: string) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid] as string)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Calls `visit` with the position of every dated item overlapping `from`–`to` (inclusive ISO
 * dates), in start-date order; stops early when `visit` returns true. Returns whether it stopped.
 */
export function eachDatedIn(
  table: DateTable,
  from: string,
  to: string,
  visit: (position: number) => boolean | undefined,
): boolean {
  const end = firstNot(table.starts, (start) => start <= to);
  for (let i = firstNot(table.maxEnd, (latest) => latest < from); i < end; i++)
    if ((table.ends[i] as string) >= from && visit(table.positions[i] as number)) return true;
  return false;
}
