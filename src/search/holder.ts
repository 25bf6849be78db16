import type { SearchIndex } from './index-store.js';

/** What one reload did: swapped in a new index, or kept the last good one and why. */
export type ReloadOutcome =
  | { swapped: true; items: number; documents: number; ms: number }
  | { swapped: false; error: string; ms: number };

export interface IndexHolderOptions {
  /** Produces the next index (rebuilding data/ if it changed); throws when it cannot. */
  load: () => Promise<SearchIndex>;
  log?: (line: string) => void;
  /** Called after each swap, e.g. to record the new items as first seen for the weekly digest. */
  onSwap?: (next: SearchIndex, previous: SearchIndex) => void;
  clock?: () => number;
}

/**
 * The live index: one reference, swapped atomically.
 *
 * @remarks Handlers take `current()` once per request and keep that object, so a request in
 * flight finishes on the index it started with while new requests see the new one; nothing is
 * mutated in place. Reloads run one at a time: a reload asked for while one runs is folded
 * into a single follow-up run, so a burst of file events costs at most two rebuilds.
 */
export class IndexHolder {
  #current: SearchIndex;
  #running: Promise<ReloadOutcome> | undefined;
  #again = false;
  readonly #opts: IndexHolderOptions;

  constructor(initial: SearchIndex, opts: IndexHolderOptions) {
    this.#current = initial;
    this.#opts = opts;
  }

  /** The index new requests should use. */
  current(): SearchIndex {
    return this.#current;
  }

  /** Reloads (once at a time), logging why and what happened; never throws. */
  reload(reason: string): Promise<ReloadOutcome> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#run(reason).finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        void this.reload(`${reason}, again: more changes arrived during the reload`);
      }
    });
    return this.#running;
  }

  async #run(reason: string): Promise<ReloadOutcome> {
    const log = this.#opts.log ?? (() => {});
    const now = this.#opts.clock ?? Date.now;
    const start = now();
    log(`policy-bot: reloading the index (${reason})`);
    try {
      const next = await this.#opts.load();
      const previous = this.#current;
      this.#current = next;
      try {
        this.#opts.onSwap?.(next, previous);
      } catch (err) {
        log(`policy-bot: after the reload: ${(err as Error).message}`);
      }
      const ms = now() - start;
      log(
        `policy-bot: reload done: serving ${next.items.length} items from ${next.manifest.documents.length} documents (${ms} ms)`,
      );
      return { swapped: true, items: next.items.length, documents: next.manifest.documents.length, ms };
    } catch (err) {
      const ms = now() - start;
      const error = (err as Error).message;
      log(
        `policy-bot: reload failed, still serving the last good index (${this.#current.items.length} items): ${error}`,
      );
      return { swapped: false, error, ms };
    }
  }
}
