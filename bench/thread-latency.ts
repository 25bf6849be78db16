import { pathToFileURL } from 'node:url';
import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { openIndex } from '../src/search/index-store.js';
import { defaultDataDir, defaultIndexDir } from '../src/util/paths.js';
import { eventEnvelope, send } from '../test/support/fake-slack.js';
import { startBenchApp } from './bench-app.js';

/** Ack and answer latency of thread follow-ups, in milliseconds. */
export interface ThreadLatency {
  /** Follow-ups measured (each in its own thread, after one mention that starts it). */
  n: number;
  ackP50: number;
  ackP99: number;
  answerP50: number;
  answerP99: number;
}

const FOLLOW_UPS = ['what about Korea?', 'and in January?', 'more', 'cite 2', 'EU', '韓国は?', 'guidelines'];
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number;

/**
 * Thread follow-ups against the real Bolt HTTP receiver on loopback, with a fake Web API and a
 * real (in-memory) SQLite state: each thread is started by a mention, then a reply without a
 * mention is timed from the signed request to the HTTP 200 (ack) and to the answer posted in
 * the thread (answer). Sequential, so each number is one follow-up's own latency. For
 * `npm run bench` (numbers printed, never asserted).
 */
export async function threadLatency(n = 100): Promise<ThreadLatency> {
  await loadTokenizer();
  const index = await openIndex({ dataDir: defaultDataDir(), indexDir: defaultIndexDir() });
  const app = await startBenchApp(index);
  const { fake, port } = app;
  const ack: number[] = [];
  const answered: number[] = [];
  const base = Math.floor(Date.now() / 1000);
  const posts = () => fake.callsTo('chat.postMessage').length;
  try {
    for (let i = 0; i < n; i++) {
      const channel = 'CBENCH';
      const root = `${base + i}.000100`;
      let before = posts();
      await send(
        port,
        eventEnvelope({
          type: 'app_mention',
          user: 'U1',
          text: '<@UBOT> US in December 2025',
          ts: root,
          channel,
        }),
        'json',
      );
      await fake.waitFor(() => (posts() > before ? true : undefined), 10_000);
      before = posts();
      const t0 = process.hrtime.bigint();
      const res = await send(
        port,
        eventEnvelope({
          type: 'message',
          channel,
          channel_type: 'channel',
          user: 'U2',
          text: FOLLOW_UPS[i % FOLLOW_UPS.length],
          ts: `${base + i}.000200`,
          thread_ts: root,
        }),
        'json',
      );
      await res.text();
      ack.push(Number(process.hrtime.bigint() - t0) / 1e6);
      await fake.waitFor(() => (posts() > before ? true : undefined), 10_000);
      answered.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.status !== 200) throw new Error(`follow-up ${i} got HTTP ${res.status}`);
    }
  } finally {
    await app.stop();
  }
  return {
    n,
    ackP50: pct(ack, 50),
    ackP99: pct(ack, 99),
    answerP50: pct(answered, 50),
    answerP99: pct(answered, 99),
  };
}

// Run directly: one JSON line, like bench/slack-latency.ts.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await threadLatency()));
  process.exit(0);
}
