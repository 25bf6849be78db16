import { pathToFileURL } from 'node:url';
import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { openIndex } from '../src/search/index-store.js';
import { defaultDataDir, defaultIndexDir } from '../src/util/paths.js';
import { startBenchServer } from './bench-app.js';
import { startLoadWorker } from './slack-load.js';

/** Ack and answer latency of thread follow-ups, in milliseconds. */
export interface ThreadLatency {
  /** Follow-ups measured (each in its own thread, after one mention that starts it). */
  n: number;
  ackP50: number;
  ackP99: number;
  answerP50: number;
  answerP99: number;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number;

/**
 * Thread follow-ups against the real Bolt HTTP receiver on loopback, with a fake Web API and a
 * real (in-memory) SQLite state: each thread is started by a mention, then a reply without a
 * mention is timed from the signed request to the HTTP 200 (ack) and to the answer posted in
 * the thread (answer). Sequential, so each number is one follow-up's own latency. The requests
 * and the fake Slack run in a worker thread (bench/slack-load.ts), so the numbers are the app's
 * own. For `npm run bench` (numbers printed, never asserted).
 */
export async function threadLatency(n = 100): Promise<ThreadLatency> {
  await loadTokenizer();
  const index = await openIndex({ dataDir: defaultDataDir(), indexDir: defaultIndexDir() });
  const load = await startLoadWorker();
  try {
    const app = await startBenchServer(index, load.apiUrl);
    try {
      await load.authed;
      const { ack, answered } = await load.run({ kind: 'thread', port: app.port, n });
      return {
        n,
        ackP50: pct(ack, 50),
        ackP99: pct(ack, 99),
        answerP50: pct(answered, 50),
        answerP99: pct(answered, 99),
      };
    } finally {
      await app.stop();
    }
  } finally {
    await load.stop();
  }
}

// Run directly: one JSON line, like bench/slack-latency.ts.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await threadLatency()));
  process.exit(0);
}
