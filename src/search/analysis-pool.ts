import { availableParallelism } from 'node:os';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { analyzeFieldTexts } from './item-terms.js';
import { startWorker } from './start-worker.js';
import type { ItemTerms } from './term-cache.js';

export interface PoolOptions {
  /**
   * Worker threads besides the main thread. Each pays kuromoji's load (≈0.2–0.4 s, ≈200 MB) before
   * it helps, so the default is one per spare core, and none for small jobs (see below).
   */
  workers?: number;
  /**
   * Below this many characters of text the main thread alone finishes before a worker has
   * started: one thread analyzes ≈400–500 characters per ms here and a worker needs ≈0.3–0.5 s
   * (imports, lexicons, dictionary) before its first batch, so a worker pays off from roughly
   * 200 000 characters; the default keeps a margin (the real corpus is ≈135 000; a year of
   * digests ≈200 000; the 10 000-item decade ≈3 million).
   */
  minCharsForWorkers?: number;
  /** Items per message: big enough to amortize the message, small enough to balance. */
  batchSize?: number;
  /**
   * Whether this thread analyzes too (default true). With false it only hands out batches, unless
   * every worker has failed; tests use it to prove the workers' terms are the same.
   */
  useMainThread?: boolean;
  /**
   * Workers started earlier with {@link startAnalysisWorkers} (loading their dictionaries while
   * the caller ingested): used first; the ones not needed are terminated.
   */
  prestarted?: Worker[];
}

/**
 * Starts analysis workers ahead of the jobs, so their dictionary load (≈0.2–0.4 s) overlaps the
 * caller's own work (ingest) instead of delaying the analysis. Hand them to
 * {@link analyzeInParallel} as `prestarted`, which uses or terminates every one.
 */
export function startAnalysisWorkers(count: number): Worker[] {
  return Array.from({ length: count }, () => startWorker('analysis-worker'));
}

/** Default pool size: one worker per core beyond the main thread's. */
export function defaultWorkers(): number {
  return Math.max(0, availableParallelism() - 1);
}

/** See {@link PoolOptions.minCharsForWorkers}. */
export const DEFAULT_MIN_CHARS_FOR_WORKERS = 500_000;

/**
 * Analyzes many items' field texts on every core: the main thread (its kuromoji is already
 * loaded) works through the batches while workers load theirs and then take batches too.
 * Results come back in input order whoever computed them, so the index built from them does not
 * depend on scheduling. A worker that fails hands its batch back to the queue; the main thread
 * finishes whatever is left, so a broken worker costs time, never terms.
 */
export async function analyzeInParallel(
  jobs: (string | null)[][],
  options: PoolOptions = {},
): Promise<{ terms: ItemTerms[]; byWorkers: number }> {
  const results: ItemTerms[] = new Array(jobs.length);
  let byWorkers = 0;
  const batchSize = options.batchSize ?? 32;
  const queue: number[][] = [];
  for (let i = 0; i < jobs.length; i += batchSize)
    queue.push(Array.from({ length: Math.min(batchSize, jobs.length - i) }, (_, k) => i + k));
  const chars = jobs.reduce((n, j) => n + j.reduce((m, t) => m + (t?.length ?? 0), 0), 0);
  const wanted =
    chars >= (options.minCharsForWorkers ?? DEFAULT_MIN_CHARS_FOR_WORKERS)
      ? (options.workers ?? defaultWorkers())
      : 0;
  const count = Math.min(wanted, Math.max(0, queue.length - 1));
  const prestarted = options.prestarted ?? [];
  for (const extra of prestarted.slice(count)) void extra.terminate();

  let inFlight = 0;
  let alive = count;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  const workers: Worker[] = [];
  for (let w = 0; w < count; w++) {
    const worker = prestarted[w] ?? startWorker('analysis-worker');
    workers.push(worker);
    let current: number[] | undefined;
    const next = () => {
      current = queue.shift();
      if (!current) {
        void worker.terminate();
        return;
      }
      inFlight++;
      worker.postMessage(current.map((i) => jobs[i]));
    };
    const giveBack = () => {
      if (current) {
        queue.unshift(current);
        inFlight--;
        current = undefined;
      }
      signal();
    };
    worker.on('message', (msg: 'ready' | (string | null)[][]) => {
      if (msg !== 'ready' && current) {
        current.forEach((i, k) => {
          results[i] = (msg[k] as (string | null)[]).map((joined) =>
            joined === null ? null : joined === '' ? [] : joined.split('\u0000'),
          );
        });
        byWorkers += current.length;
        inFlight--;
      }
      next();
      signal();
    });
    worker.on('error', giveBack);
    worker.on('exit', () => {
      alive--;
      giveBack();
    });
  }

  while (queue.length || inFlight > 0) {
    const batch = options.useMainThread === false && alive > 0 ? undefined : queue.shift();
    if (batch) {
      for (const i of batch) results[i] = analyzeFieldTexts(jobs[i] as (string | null)[]);
      // Let the workers' messages in between batches.
      await yieldToLoop();
    } else {
      // Nothing left to take: sleep until a worker answers (or fails and gives a batch back).
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  }
  await Promise.all(workers.map((w) => w.terminate()));
  return { terms: results, byWorkers };
}
