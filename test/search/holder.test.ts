import { describe, expect, it } from 'vitest';
import { IndexHolder } from '../../src/search/holder.js';
import type { SearchIndex } from '../../src/search/index-store.js';

/** Stand-in indexes: the holder never looks inside one beyond its counts. */
const fakeIndex = (name: string, items: number): SearchIndex =>
  ({
    items: Array.from({ length: items }, (_, i) => ({ id: `${name}/${i}` })),
    manifest: { documents: [{ id: name }] },
  }) as unknown as SearchIndex;

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('IndexHolder', () => {
  it('swaps atomically: a request that took the old index keeps it, new requests get the new one', async () => {
    const old = fakeIndex('old', 2);
    const next = fakeIndex('new', 3);
    const gate = deferred<SearchIndex>();
    const swaps: string[] = [];
    const holder = new IndexHolder(old, {
      load: () => gate.promise,
      onSwap: (n, p) => swaps.push(`${p.items.length}→${n.items.length}`),
    });
    const inFlight = holder.current();
    const reload = holder.reload('test');
    expect(holder.current()).toBe(old); // still loading: everyone is served the old one
    gate.resolve(next);
    expect(await reload).toMatchObject({ swapped: true, items: 3 });
    expect(inFlight).toBe(old);
    expect(inFlight.items).toHaveLength(2);
    expect(holder.current()).toBe(next);
    expect(swaps).toEqual(['2→3']);
  });

  it('a failed reload keeps the last good index and says why', async () => {
    const old = fakeIndex('old', 2);
    const log: string[] = [];
    const holder = new IndexHolder(old, {
      load: async () => {
        throw new Error('data/sources.yml: bad YAML at line 3');
      },
      log: (l) => log.push(l),
    });
    expect(await holder.reload('SIGHUP')).toMatchObject({
      swapped: false,
      error: 'data/sources.yml: bad YAML at line 3',
    });
    expect(holder.current()).toBe(old);
    expect(log.join('\n')).toContain(
      'reload failed, still serving the last good index (2 items): data/sources.yml: bad YAML at line 3',
    );
  });

  it('folds a burst of reload requests into one follow-up run', async () => {
    let loads = 0;
    const gates = [deferred<SearchIndex>(), deferred<SearchIndex>()];
    const holder = new IndexHolder(fakeIndex('a', 1), {
      load: () => (gates[loads++] as ReturnType<typeof deferred<SearchIndex>>).promise,
    });
    const first = holder.reload('one');
    void holder.reload('two');
    void holder.reload('three');
    gates[0]?.resolve(fakeIndex('b', 2));
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(2);
    gates[1]?.resolve(fakeIndex('c', 3));
    await new Promise((r) => setTimeout(r, 0));
    expect(holder.current().items).toHaveLength(3);
  });
});
