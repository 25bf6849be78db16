import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { openIndex } from '../src/search/index-store.js';
import { defaultDataDir, defaultIndexDir } from '../src/util/paths.js';
import { startBenchServer } from './bench-app.js';
import { startLoadWorker } from './slack-load.js';

/**
 * Signed `/policy` requests on loopback against the real Bolt HTTP receiver: time to the HTTP 200
 * (the ack) and time until the answer reaches the (fake) response_url. First 200 sequential
 * requests (each number is one request's own latency), then bursts of 50 concurrent mixed
 * questions (English, Japanese, and long pasted texts) as a busy workspace sends them. The load
 * and the fake Slack run in a worker thread (bench/slack-load.ts), so the app on this thread
 * pays only for its own work; `burstLoopDelayP99` is this thread's event-loop delay p99 during
 * the bursts. `slack-latency [DATA_DIR INDEX_DIR]` runs on another corpus. Prints one JSON line.
 */
const N = 200;
const BURST = 50;
const BURSTS = 4;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number;

await loadTokenizer();
const [dataArg, indexArg] = process.argv.slice(2);
const index = await openIndex({
  dataDir: dataArg ?? defaultDataDir(),
  indexDir: indexArg ?? defaultIndexDir(),
});
const load = await startLoadWorker();
const app = await startBenchServer(index, load.apiUrl);
await load.authed;
const { port } = app;

const seq = await load.run({ kind: 'slash-sequential', port, n: N });
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
app.serverAcks.length = 0;
const bursts = await load.run({ kind: 'slash-bursts', port, burst: BURST, bursts: BURSTS });
loop.disable();
await app.stop();
await load.stop();
console.log(
  JSON.stringify({
    n: N,
    ackP50: pct(seq.ack, 50),
    ackP99: pct(seq.ack, 99),
    answerP50: pct(seq.answered, 50),
    answerP99: pct(seq.answered, 99),
    items: index.items.length,
    burst: BURST,
    burstN: bursts.ack.length,
    burstAckP50: pct(bursts.ack, 50),
    burstAckP99: pct(bursts.ack, 99),
    burstAckMax: Math.max(...bursts.ack),
    burstAnswerP50: pct(bursts.answered, 50),
    burstAnswerP99: pct(bursts.answered, 99),
    burstLoopDelayP99: loop.percentile(99) / 1e6,
    burstServerAckP99: pct(app.serverAcks, 99),
  }),
);
process.exit(0);
