import { describe, expect, it } from 'vitest';
import { dateTable, eachDatedIn } from '../../src/query/date-table.js';
import { overlaps } from '../../src/query/dates.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import type { StoredItem } from '../../src/search/stored-item.js';

/** A pseudo-random corpus: short events, a few long ranges, undated sections. */
function corpus(seed: number, n: number): SearchIndex {
  let x = seed;
  const rand = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
  const day = (d: number) => new Date(Date.UTC(2016, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const items = Array.from({ length: n }, (_, i) => {
    if (rand() < 0.1) return { id: `s${i}` } as StoredItem;
    const start = Math.floor(rand() * 3650);
    const length = rand() < 0.05 ? Math.floor(rand() * 900) : Math.floor(rand() * 3);
    return { id: `e${i}`, date: { start: day(start), end: day(start + length) } } as StoredItem;
  });
  return { items } as unknown as SearchIndex;
}

describe('date table', () => {
  it('finds exactly the dated items overlapping a period, for many corpora and periods', () => {
    for (const seed of [1, 7, 42]) {
      const index = corpus(seed, 2000);
      const table = dateTable(index);
      expect(table.positions.length + table.undated.length).toBe(index.items.length);
      for (let k = 0; k < 60; k++) {
        const a = new Date(Date.UTC(2015, 6, 1) + k * 67 * 86_400_000).toISOString().slice(0, 10);
        const b = new Date(Date.UTC(2015, 6, 1) + (k * 67 + (k % 5) * 40) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const period = { from: a, to: b };
        const want = index.items
          .map((it, pos) => (it.date && overlaps(it.date, period) ? pos : -1))
          .filter((pos) => pos >= 0);
        const got: number[] = [];
        eachDatedIn(table, period.from, period.to, (pos) => {
          got.push(pos);
          return false;
        });
        expect(got.sort((x, y) => x - y)).toEqual(want);
      }
    }
  });

  it('stops at the first item the visitor accepts', () => {
    const table = dateTable(corpus(3, 500));
    let visits = 0;
    const stopped = eachDatedIn(table, '2017-01-01', '2018-12-31', () => {
      visits++;
      return true;
    });
    expect(stopped).toBe(true);
    expect(visits).toBe(1);
    expect(eachDatedIn(table, '1990-01-01', '1990-12-31', () => true)).toBe(false);
  });
});
