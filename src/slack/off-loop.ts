import { Worker } from 'node:worker_threads';
import type { Command } from '../commands/parse.js';
import type { Logger } from '../util/logger.js';
import type { Reply } from './replies.js';

/** Commands answered on the answering thread: those that need the index but no state. */
const OFF_LOOP = new Set<Command['kind']>(['ask', 'cite', 'help']);

export interface OffLoop {
  /** The reply, computed on the answering thread; undefined for commands answered in place. */
  reply(
    command: Command,
    where: { channelId: string; userId?: string },
    today: string,
  ): Promise<Reply> | undefined;
  /** One page of an answer (the Show more / Share buttons), computed on the answering thread. */
  page(ref: { q: string; o: number; t: string; sharedBy?: string }, today: string): Promise<Reply>;
  /**
   * Replaces the answering thread with a fresh one that reads `index/` again: call it after the
   * index on disk changed (a reload), or answers come from the old index.
   */
  restart(): Promise<void>;
  /** Resolves when the answering thread has its index loaded (or has failed to start). */
  ready(): Promise<void>;
  /** How many replies the answering thread has produced (for the tests and the bench). */
  answered(): number;
  close(): Promise<void>;
}

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Answers questions on a worker thread, so that even the most expensive question (1 000
 * characters of dates, ~0.2 s of analysis) never delays another user's acknowledgement on the
 * main thread. One worker, requests queued in order; a worker that dies or hangs past `timeoutMs`
 * is replaced and its requests fail (the listener then says sorry with an error id).
 */
export function createOffLoop(o: {
  dataDir: string;
  indexDir: string;
  logger: Logger;
  timeoutMs?: number;
  readyWithinMs?: number;
}): OffLoop {
  const ts = import.meta.url.endsWith('.ts');
  const url = new URL(ts ? './off-loop-worker.ts' : './off-loop-worker.js', import.meta.url);
  const pending = new Map<number, Pending>();
  let next = 0;
  let worker: Worker | undefined;
  let closed = false;
  let answered = 0;
  /** A thread that died before its index was loaded would die again: answer in place instead. */
  let cannotStart = false;
  let markReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((r) => {
    markReady = r;
    // Never hold the app's start for long: a slow thread just answers its first question later.
    setTimeout(r, o.readyWithinMs ?? 30_000).unref();
  });
  const failAll = (why: string) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new Error(why));
      pending.delete(id);
    }
  };
  const start = (): Worker => {
    const workerData = { dataDir: o.dataDir, indexDir: o.indexDir };
    // From source (tests, tsx) the worker registers tsx first; from dist/ it is plain JavaScript.
    const w = ts
      ? new Worker(
          `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`,
          { eval: true, workerData },
        )
      : new Worker(url, { workerData });
    w.on('message', (m: { id?: number; reply?: Reply; error?: string; ready?: boolean }) => {
      if (m.ready) {
        (w as Worker & { ready?: boolean }).ready = true;
        markReady();
      }
      if (m.id === undefined) return;
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.reply) {
        answered += 1;
        p.resolve(m.reply);
      } else p.reject(new Error(`answering thread: ${m.error}`));
    });
    w.on('error', (err) => o.logger.error('answering thread failed:', err));
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      if (!(w as Worker & { ready?: boolean }).ready && !closed) {
        cannotStart = true;
        o.logger.error('answering thread could not start (see above); questions are answered in place');
      }
      markReady();
      if (!closed) o.logger.warn(`answering thread exited (${code}); the next question starts a new one`);
      failAll(`answering thread exited (${code})`);
    });
    return w;
  };
  worker = start();
  const request = (message: Record<string, unknown>): Promise<Reply> => {
    worker ??= start();
    const w = worker;
    const id = next++;
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        o.logger.error(`answering thread took over ${o.timeoutMs ?? 20_000} ms; replacing it`);
        pending.delete(id);
        reject(Object.assign(new Error('answering thread timed out'), { code: 'OFF_LOOP_TIMEOUT' }));
        (w as Worker & { ready?: boolean }).ready = true; // replaced on purpose, not a failure to start
        void w.terminate();
      }, o.timeoutMs ?? 20_000);
      pending.set(id, { resolve, reject, timer });
      w.postMessage({ id, ...message });
    });
  };
  return {
    reply(command, where, today) {
      if (!OFF_LOOP.has(command.kind) || closed || cannotStart) return undefined;
      return request({ command, where, today });
    },
    page(ref, today) {
      if (closed || cannotStart) return Promise.reject(new Error('answering thread unavailable'));
      return request({ page: ref, today });
    },
    async restart() {
      cannotStart = false;
      const old = worker;
      worker = start();
      await old?.terminate();
    },
    ready: () => readyPromise,
    answered: () => answered,
    async close() {
      closed = true;
      await worker?.terminate();
    },
  };
}
