import { Worker } from 'node:worker_threads';

/**
 * The load side of the Slack latency benches, in a worker thread: the signed requests, their
 * timers and the fake Slack (Web API and response_url endpoints) run on the worker's own event
 * loop, so the app on the main thread pays only for its own work and the latencies are its own.
 * The worker starts the fake first (the app's start-up `auth.test` goes to it), then runs jobs
 * against the app's port and posts the latencies back (ms).
 */
export type LoadJob =
  /** `n` sequential `/policy` requests: ack and answer (response_url post) of each. */
  | { kind: 'slash-sequential'; port: number; n: number }
  /** `bursts` bursts of `burst` concurrent mixed `/policy` requests (every tenth a long text). */
  | { kind: 'slash-bursts'; port: number; burst: number; bursts: number }
  /** `n` thread follow-ups, each after the mention that starts its thread. */
  | { kind: 'thread'; port: number; n: number };

/** Latencies in ms, one per request, in the order they completed. */
export interface LoadResult {
  ack: number[];
  answered: number[];
}

export type ToWorker = { type: 'run'; id: number; job: LoadJob };
export type FromWorker =
  | { type: 'ready'; apiUrl: string }
  | { type: 'auth' }
  | { type: 'done'; id: number; result: LoadResult }
  | { type: 'failed'; id: number; message: string };

export interface LoadWorker {
  /** The fake Slack's Web API base URL (SLACK_API_URL for the app). */
  apiUrl: string;
  /** Settles when the app's start-up `auth.test` has reached the fake. */
  authed: Promise<void>;
  run(job: LoadJob): Promise<LoadResult>;
  stop(): Promise<void>;
}

export async function startLoadWorker(): Promise<LoadWorker> {
  const worker = new Worker(new URL('./slack-load-worker.js', import.meta.url));
  const pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let onReady: (apiUrl: string) => void = () => {};
  let onAuth: () => void = () => {};
  const rejects: ((e: Error) => void)[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    onReady = resolve;
    rejects.push(reject);
  });
  const authed = new Promise<void>((resolve, reject) => {
    onAuth = resolve;
    rejects.push(reject);
  });
  authed.catch(() => {}); // reported by whoever awaits it
  const fail = (e: Error) => {
    for (const reject of rejects) reject(e);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'ready') onReady(m.apiUrl);
    else if (m.type === 'auth') onAuth();
    else {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.type === 'done') p?.resolve(m.result);
      else p?.reject(new Error(`load worker: ${m.message}`));
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`load worker exited (${code})`)));
  const apiUrl = await ready;
  return {
    apiUrl,
    authed,
    run: (job) =>
      new Promise<LoadResult>((resolve, reject) => {
        nextId += 1;
        pending.set(nextId, { resolve, reject });
        worker.postMessage({ type: 'run', id: nextId, job } satisfies ToWorker);
      }),
    stop: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
