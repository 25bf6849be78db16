import { normalize } from '../analyze/analyzer.js';
import type { SearchIndex } from '../search/index-store.js';
import type { StoredItem } from '../search/stored-item.js';

/**
 * Per-index tables every stage of a question reads: item positions by country, region, category
 * and instrument, date ranks, kind and US-level flags, folded titles. Made once per index (on
 * first use, or by the warm-up), never per question.
 */

export interface Facets {
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
export function facets(index: SearchIndex): Facets {
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

/** Every jurisdiction some item is about, computed once per index rather than on every query. */
export function corpusCountries(index: SearchIndex): Set<string> {
  const f = facets(index);
  f.countries ??= new Set(f.country.keys());
  return f.countries;
}

/** A US item is state-level when its title names a state (ニューヨーク州知事, カリフォルニア州). */
function isStateLevel(item: StoredItem): boolean {
  return /州/.test(item.title);
}

const titleCaches = new WeakMap<SearchIndex, string[]>();
/**
 * An item's title as a question is compared with it (NFKC, spaced capitals joined, lowercase).
 * Every title is folded the first time one is needed (one pass, a few tens of milliseconds at
 * 10 000 items), so the cost lands on one question rather than on each of the first hundred.
 */
export function foldedTitle(index: SearchIndex, pos: number): string {
  let cache = titleCaches.get(index);
  if (!cache || cache.length !== index.items.length) {
    cache = index.items.map((it) => normalize(it.title).toLowerCase());
    titleCaches.set(index, cache);
  }
  return cache[pos] as string;
}
